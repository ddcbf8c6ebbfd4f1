# Writes a C++ source that holds a text file as a raw string, so that the binary carries it
# (profiles/default.toml: `--no-profiles` and an installed binary still have the defaults).
# Run as: cmake -DINPUT=file -DOUTPUT=file.cpp -DFUNCTION=name -P embed_text.cmake
file(READ "${INPUT}" content)
set(delimiter "winnow_embedded")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )${delimiter}\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by cmake/embed_text.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace winnow::profiles {\n"
  "std::string_view ${FUNCTION}() {\n"
  "    static constexpr std::string_view k_text = R\"${delimiter}(${content})${delimiter}\";\n"
  "    return k_text;\n"
  "}\n"
  "}  // namespace winnow::profiles\n")
# Only a changed file is rewritten, so an unchanged default.toml costs no recompilation.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
