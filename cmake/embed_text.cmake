# Writes a C++ source that holds text files as raw strings, so that the binary carries them:
# profiles/default.toml (`--no-profiles` and an installed binary still have the defaults) and the
# stopword lists (src/winnow/extract/stopwords/*.txt).
#
# One file, as `std::string_view FUNCTION()`:
#   cmake -DINPUT=file -DOUTPUT=file.cpp -DNAMESPACE=ns -DFUNCTION=name -P embed_text.cmake
# Every file of a folder that matches a pattern, as `std::span<const TYPE> FUNCTION()`, where TYPE
# is an aggregate of two string_views (file name without extension, content) that HEADER declares:
#   cmake -DINPUT_DIR=dir -DPATTERN=*.txt -DHEADER=path.hpp -DTYPE=T -DOUTPUT=file.cpp
#         -DNAMESPACE=ns -DFUNCTION=name -P embed_text.cmake
set(delimiter "winnow_embedded")

function(raw_string_of file out)
  file(READ "${file}" content)
  string(FIND "${content}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw-string delimiter )${delimiter}\"")
  endif()
  set(${out} "R\"${delimiter}(${content})${delimiter}\"" PARENT_SCOPE)
endfunction()

if(DEFINED INPUT_DIR)
  file(GLOB inputs RELATIVE "${INPUT_DIR}" "${INPUT_DIR}/${PATTERN}")
  list(SORT inputs)
  set(entries "")
  foreach(name IN LISTS inputs)
    raw_string_of("${INPUT_DIR}/${name}" literal)
    string(REGEX REPLACE "\\.[^.]*$" "" stem "${name}")
    string(APPEND entries "        {\"${stem}\", ${literal}},\n")
  endforeach()
  file(WRITE "${OUTPUT}.tmp"
    "// Generated from ${INPUT_DIR}/${PATTERN} by cmake/embed_text.cmake; do not edit.\n"
    "#include \"${HEADER}\"\n"
    "namespace ${NAMESPACE} {\n"
    "std::span<const ${TYPE}> ${FUNCTION}() {\n"
    "    static constexpr ${TYPE} k_files[] = {\n"
    "${entries}"
    "    };\n"
    "    return k_files;\n"
    "}\n"
    "}  // namespace ${NAMESPACE}\n")
else()
  raw_string_of("${INPUT}" literal)
  file(WRITE "${OUTPUT}.tmp"
    "// Generated from ${INPUT} by cmake/embed_text.cmake; do not edit.\n"
    "#include <string_view>\n"
    "namespace ${NAMESPACE} {\n"
    "std::string_view ${FUNCTION}() {\n"
    "    static constexpr std::string_view k_text = ${literal};\n"
    "    return k_text;\n"
    "}\n"
    "}  // namespace ${NAMESPACE}\n")
endif()
# Only a changed file is rewritten, so unchanged inputs cost no recompilation.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
