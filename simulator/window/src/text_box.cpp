#include "text_box.h"

namespace attune::window {

void TextBoxModel::insert(char32_t c) {
  text_.insert(text_.begin() + static_cast<std::ptrdiff_t>(caret_), c);
  ++caret_;
}

void TextBoxModel::backspace() {
  if (caret_ == 0) return;
  text_.erase(--caret_, 1);
}

void TextBoxModel::delete_forward() {
  if (caret_ < text_.size()) text_.erase(caret_, 1);
}

void TextBoxModel::delete_word_back() {
  std::size_t start = caret_;
  while (start > 0 && text_[start - 1] == U' ') --start;
  while (start > 0 && text_[start - 1] != U' ') --start;
  text_.erase(start, caret_ - start);
  caret_ = start;
}

}  // namespace attune::window
