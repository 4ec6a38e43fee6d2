#pragma once

#include <filesystem>
#include <string>

namespace lh::test {

// What poppler's tools see in a PDF: its text (pdftotext, layout kept), and
// the share of a page's pixels that are not white once it is rendered
// (pdftoppm at 50 dpi). A tool that is missing or cannot read the file
// fails the test; a page that cannot be rendered has a negative share.
std::string pdf_text(const std::filesystem::path& pdf);
double pdf_page_ink(const std::filesystem::path& pdf, int page);
int pdf_pages(const std::filesystem::path& pdf);

// pdftotext lays text out in lines: a sentence may wrap anywhere. Compare
// with every run of white space made one space.
std::string squeezed(const std::string& text);

// The report of a session without load, as squeezed() text: no load section,
// no empty load table, no "nan" anywhere.
void check_no_load_sections(const std::string& squeezed_text);

}  // namespace lh::test
