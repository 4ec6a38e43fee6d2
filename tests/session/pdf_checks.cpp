#include "pdf_checks.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>

#include "child_process.h"
#include "external_program.h"

namespace lh::test {

std::string pdf_text(const std::filesystem::path& pdf) {
  const CommandResult r = run_command({external_program("pdftotext", "test"), "-layout", pdf.string(), "-"});
  if (r.status != 0) FAIL("pdftotext could not read " << pdf << ": " << r.err);
  return r.out;
}

int pdf_pages(const std::filesystem::path& pdf) {
  const CommandResult r = run_command({external_program("pdfinfo", "test"), pdf.string()});
  if (r.status != 0) FAIL("pdfinfo could not read " << pdf << ": " << r.err);
  const auto at = r.out.find("Pages:");
  return at != std::string::npos ? std::stoi(r.out.substr(at + 6)) : -1;
}

double pdf_page_ink(const std::filesystem::path& pdf, int page) {
  const std::filesystem::path prefix = pdf.parent_path() / ("page_" + std::to_string(page));
  const std::string p = std::to_string(page);
  const CommandResult r = run_command(
      {external_program("pdftoppm", "test"), "-f", p, "-l", p, "-r", "50", "-gray", "-singlefile", pdf.string(), prefix.string()});
  if (r.status != 0) return -1;
  // A binary PGM: "P5\n<w> <h>\n<max>\n" then one byte a pixel.
  std::ifstream in(prefix.string() + ".pgm", std::ios::binary);
  std::string magic;
  int width = 0, height = 0, max = 0;
  in >> magic >> width >> height >> max;
  in.get();
  if (magic != "P5" || width <= 0 || height <= 0) return -1;
  std::string pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), '\0');
  in.read(pixels.data(), static_cast<std::streamsize>(pixels.size()));
  std::size_t ink = 0;
  for (char c : pixels) ink += static_cast<unsigned char>(c) < 200 ? 1 : 0;
  return static_cast<double>(ink) / static_cast<double>(pixels.size());
}

std::string squeezed(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

void check_no_load_sections(const std::string& squeezed_text) {
  for (const char* absent : {"Load statistics", "Memory, CPU and load", "Throughput", "Latency", "no figures recorded"}) {
    INFO(absent);
    CHECK(squeezed_text.find(absent) == std::string::npos);
  }
  CHECK_FALSE(std::regex_search(squeezed_text, std::regex(R"(\b(nan|NaN)\b)")));
}

}  // namespace lh::test
