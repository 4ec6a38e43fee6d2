#pragma once

#include <cstddef>
#include <string_view>

#include "scenario/problems.h"
#include "scenario/scenario.h"

namespace lh::scenario {

// How deep a scenario may nest, bodies included: a scenario itself is four
// levels deep, a request body rarely ten. Deeper is a problem, not a stack
// or memory to spend.
inline constexpr std::size_t kMaxNesting = 64;

// A scenario file's JSON text, read into a document.
struct JsonDocument {
  Json value;
  // Keys given twice (the document is still read; the last one counts, as
  // in any JSON parser), or the one problem that stopped reading: a syntax
  // error, a NUL byte, nesting past kMaxNesting, a number too large for a
  // double.
  Problems problems;
  bool complete = false;  // false: `value` is not the file's document
};

// Reads with nlohmann's SAX parser into the document, keeping only what a
// problem's path needs: the key or index at each open level (a path is
// built when a problem is found, never per value). Memory and time are
// linear in the text: keys are checked against a set per open object, and
// nesting stops at kMaxNesting.
//
// The number policy starts here: JSON numbers are read as nlohmann reads
// them, and one too large for a double (`1e400`, a 400-digit integer) is
// `{path}: expected a number a double can hold …, got 1e400`, where
// nlohmann would throw out_of_range.406. FieldReader then checks each
// field's own range.
JsonDocument read_json_document(std::string_view text);

}  // namespace lh::scenario
