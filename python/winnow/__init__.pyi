# Types of the winnow package (the native part is winnow._winnow).
from typing import Any, Iterable, Iterator, Literal, Optional, Sequence, Union, overload

__version__: str
DEFAULT_MAX_BYTES: int

Html = Union[bytes, bytearray, memoryview, str]
Favor = Literal["precision", "balanced", "recall"]
Record = dict[str, Any]  # source, url, [warc_record_id], title, text, author, authors, date, ..., method, error

class Error(Exception):
    """str(error) is the message the CLI prints after "winnow: "."""
    kind: Literal["usage", "not_found", "io", "bad_input", "too_large", "network", "config", "busy",
                  "interrupted", "internal"]
    exit_status: int  # the status `winnow clean` exits with on this error

class InputIterator(Iterator[Any]):
    def __iter__(self) -> "InputIterator": ...
    def __next__(self) -> Any: ...

class Cleaner:
    def __init__(self, *, profiles: Sequence[str] = ..., no_profiles: bool = False, no_default_rules: bool = False,
                 encoding: str = "", max_bytes: int = ..., favor: Optional[Favor] = None) -> None: ...
    @overload
    def clean(self, html: Html, url: Optional[str] = None, content_type: Optional[str] = None, *,
              source: Optional[str] = None, format: Literal["json"] = "json") -> Record: ...
    @overload
    def clean(self, html: Html, url: Optional[str] = None, content_type: Optional[str] = None, *,
              source: Optional[str] = None, format: Literal["jsonl", "text", "markdown", "md"]) -> str: ...
    def iter_inputs(self, inputs: Sequence[str], *, recursive: bool = False,
                    format: Literal["json", "jsonl"] = "json", source: Optional[str] = None) -> InputIterator: ...
    def iter_warc(self, path: str, *, format: Literal["json", "jsonl"] = "json",
                  source: Optional[str] = None) -> InputIterator: ...

def files_in_folder(folder: str) -> list[str]: ...

@overload
def clean(html: Html, url: Optional[str] = None, content_type: Optional[str] = None, *,
          profiles: Optional[Sequence[str]] = None, no_profiles: bool = False, format: Literal["json"] = "json",
          source: Optional[str] = None, favor: Optional[Favor] = None) -> Record: ...
@overload
def clean(html: Html, url: Optional[str] = None, content_type: Optional[str] = None, *,
          profiles: Optional[Sequence[str]] = None, no_profiles: bool = False,
          format: Literal["jsonl", "text", "markdown", "md"], source: Optional[str] = None,
          favor: Optional[Favor] = None) -> str: ...
def iter_warc(path: str, *, profiles: Optional[Sequence[str]] = None, no_profiles: bool = False,
              format: Literal["json", "jsonl"] = "json", favor: Optional[Favor] = None) -> InputIterator: ...
def iter_inputs(inputs: Iterable[str], *, recursive: bool = False, profiles: Optional[Sequence[str]] = None,
                no_profiles: bool = False, format: Literal["json", "jsonl"] = "json",
                favor: Optional[Favor] = None) -> InputIterator: ...
