#!/usr/bin/env python3
"""Builds the man page's command sections and the bash completion from winnow's own help.

Run at build time (CMakeLists.txt, target winnow_help_pages) with the freshly built binary:
every command's `--help` (CLI11's format) is read once, so the man page and the completion list
exactly the commands, options and choices the binary has, and cannot drift from it.

  help_pages.py --winnow BIN --man-include OUT.h2m [--static FILE.h2m] --completion OUT.bash

OUT.h2m is a help2man --include file: a [COMMANDS] section with one subsection per command (its
usage, description, arguments, options and footer), then the sections of --static.
"""
import argparse
import re
import subprocess
import sys

SECTIONS = ("Positionals", "Options", "Subcommands")
# A value's type as CLI11 prints it after the option names: TEXT, UINT=0, TEXT:FILE, I/N,
# TEXT:{a,b}=a, FLOAT:FLOAT in [0.001 - 1e+06]=30. "Excludes:" and "Needs:" are not types.
TYPE_RE = re.compile(r"^[A-Z][A-Z0-9/]*(?=$|[:=])")
CHOICES_RE = re.compile(r"\{([^}]*)\}")
NUMBER_TYPES = ("INT", "UINT", "FLOAT")


def help_text(winnow, path):
    result = subprocess.run([winnow, *path, "--help"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"help_pages.py: {' '.join([winnow, *path, '--help'])} exited {result.returncode}: {result.stderr}")
    return result.stdout


def parse_entries(lines):
    """CLI11's two-column lists: '  NAMES  DESCRIPTION', or NAMES alone with the description on
    the next lines, indented."""
    entries = []
    for line in lines:
        if line.startswith("  ") and not line.startswith("   ") and line.strip():
            names, _, desc = line.strip().partition("  ")
            entries.append([names.strip(), desc.strip()])
        elif entries and line.strip():
            entries[-1][1] = (entries[-1][1] + " " + line.strip()).strip()
    return entries


def parse_help(text):
    """{description, usage, Positionals, Options, Subcommands, footer} of one --help."""
    lines = text.rstrip("\n").split("\n")
    page = {"description": [], "usage": "", "footer": [], **{name: [] for name in SECTIONS}}
    section = "description"
    body = {name: [] for name in SECTIONS}
    for line in lines:
        if section == "description" and line.startswith("Usage: "):
            page["usage"] = line[len("Usage: "):]
            section = None
        elif section == "description":
            if line.strip():
                page["description"].append(line.strip())
        elif line.rstrip(":") in SECTIONS and line.endswith(":"):
            section = line[:-1]
        elif section in SECTIONS and not line.strip():
            section = "after"
        elif section in SECTIONS:
            body[section].append(line)
        elif section in ("after", "footer") and (line.strip() or section == "footer"):
            section = "footer"
            page["footer"].append(line)
    for name in SECTIONS:
        page[name] = parse_entries(body[name])
    while page["footer"] and not page["footer"][-1].strip():
        page["footer"].pop()
    return page


def option_info(names_part):
    """(['-o', '--output'], value) where value is None (a flag), 'file', 'dir', 'number', 'text'
    or a list of choices."""
    head, _, rest = names_part.partition(" ")
    names = [n for n in head.split(",") if n.startswith("-")]
    rest = rest.split(" Excludes:")[0].split(" Needs:")[0]
    kind = TYPE_RE.match(rest)
    if not kind:
        return names, None
    choices = CHOICES_RE.search(rest)
    if choices:
        return names, choices.group(1).split(",")
    if "FILE" in rest.split(" ")[0]:
        return names, "file"
    if kind.group(0) == "DIR":
        return names, "dir"
    if kind.group(0) in NUMBER_TYPES:
        return names, "number"
    return names, "text"  # TEXT: a path more often than not (-o, --config, --log, --state)


def walk(winnow, path=()):
    page = parse_help(help_text(winnow, list(path)))
    pages = [(path, page)]
    for name, _ in page["Subcommands"]:
        pages += walk(winnow, (*path, name))
    return pages


# ---- man page (roff for help2man's include file) ----

def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def roff_names(names_part):
    """Bold option names, the value's type in italics: \\fB\\-o\\fR, \\fB\\-\\-output\\fR \\fITEXT\\fR;
    CLI11's "Excludes: --other" as "(not with --other)"."""
    head, _, rest = names_part.partition(" ")
    rest, _, excludes = rest.partition("Excludes:")
    rest = rest.strip()
    names = ", ".join("\\fB" + roff(n) + "\\fR" for n in head.split(","))
    names += " \\fI" + roff(rest) + "\\fR" if rest else ""
    return names + (" (not with " + roff(excludes.strip()) + ")" if excludes else "")


def man_include(pages):
    out = ["[COMMANDS]",
           "Each command has its own options; \\fBwinnow\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR prints them."]
    for path, page in pages:
        if not path:
            continue
        out.append('.SS "' + roff("winnow " + page["usage"].removeprefix("winnow ")) + '"')
        for line in page["description"]:
            out.append(roff(line))
        for section, title in (("Positionals", "Arguments:"), ("Options", "Options:"), ("Subcommands", "Commands:")):
            entries = [e for e in page[section] if e[0] != "-h,--help"]
            if not entries:
                continue
            out += [".PP", title]
            for names, desc in entries:
                out += [".TP", roff_names(names) if section != "Subcommands" else "\\fB" + roff(names) + "\\fR", roff(desc)]
        if page["footer"]:
            out += [".PP", ".nf"] + [roff(line) for line in page["footer"]] + [".fi"]
    return "\n".join(out) + "\n"


# ---- bash completion ----

def shell_word(text):
    return "'" + text.replace("'", "'\\''") + "'"


def completion(pages):
    subcommands, options, values = {}, {}, {}
    for path, page in pages:
        key = " ".join(("winnow", *path))
        if page["Subcommands"]:
            subcommands[key] = " ".join(name for name, _ in page["Subcommands"])
        words = []
        for names_part, _ in page["Options"]:
            names, value = option_info(names_part)
            words += names
            for name in names:
                if value is not None:
                    values[key + " " + name] = " ".join(value) if isinstance(value, list) else "@" + value
        options[key] = " ".join(words)

    def table(name, items):
        rows = "".join(f"        [{shell_word(k)}]={shell_word(v)}\n" for k, v in sorted(items.items()))
        return f"    local -A {name}=(\n{rows}    )\n"

    return f"""# bash completion for winnow (generated at build time from `winnow COMMAND --help` by
# packaging/help_pages.py: edit the options in the source, not here).
_winnow() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
{table("subcommands", subcommands)}{table("options", options)}\
    # The value an option takes: @file, @dir, @number, @text (completed as a file), or its choices.
{table("values", values)}\
    # The command so far ("winnow", "winnow clean", "winnow profiles list"): the words that name
    # subcommands, with options and their values skipped.
    local command=winnow i word
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${{COMP_WORDS[i]}}
        if [[ $word == -* ]]; then
            [[ $word != *=* && -n ${{values["$command $word"]+x}} ]] && ((i++))
        elif [[ " ${{subcommands[$command]}} " == *" $word "* ]]; then
            command+=" $word"
        fi
    done
    local value=${{values["$command $prev"]}}
    if [[ $prev == -* && -n $value ]]; then
        case $value in
            @file | @text) compopt -o default 2>/dev/null; COMPREPLY=() ;;
            @dir) compopt -o dirnames 2>/dev/null; COMPREPLY=() ;;
            @number) COMPREPLY=() ;;
            *) COMPREPLY=($(compgen -W "$value" -- "$cur")) ;;
        esac
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "${{options[$command]}}" -- "$cur"))
    elif [[ -n ${{subcommands[$command]+x}} ]]; then
        COMPREPLY=($(compgen -W "${{subcommands[$command]}}" -- "$cur"))
    else
        compopt -o default 2>/dev/null  # files, folders, URLs: what the shell completes by default
        COMPREPLY=()
    fi
}}
complete -F _winnow winnow
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--winnow", required=True)
    parser.add_argument("--man-include", required=True)
    parser.add_argument("--static", help="a help2man include file appended after [COMMANDS]")
    parser.add_argument("--completion", required=True)
    args = parser.parse_args()
    pages = walk(args.winnow)
    include = man_include(pages)
    if args.static:
        with open(args.static, encoding="utf-8") as f:
            include += "\n" + f.read()
    with open(args.man_include, "w", encoding="utf-8") as f:
        f.write(include)
    with open(args.completion, "w", encoding="utf-8") as f:
        f.write(completion(pages))


if __name__ == "__main__":
    main()
