// The reply box: selection-free editing of one reply (the caret moves, text is inserted and
// deleted at it). The model is plain data so its editing rules are tested without a window.
#pragma once

#include <string>

namespace attune::window {

class TextBoxModel {
 public:
  const std::u32string& text() const { return text_; }
  std::size_t caret() const { return caret_; }
  bool empty() const { return text_.empty(); }

  void insert(char32_t c);
  void backspace();
  void delete_forward();
  void delete_word_back();  // Ctrl+Backspace: the word before the caret and the spaces after it
  void left() { caret_ = caret_ > 0 ? caret_ - 1 : 0; }
  void right() { caret_ = caret_ < text_.size() ? caret_ + 1 : caret_; }
  void home() { caret_ = 0; }
  void end() { caret_ = text_.size(); }
  void clear() {
    text_.clear();
    caret_ = 0;
  }

 private:
  std::u32string text_;
  std::size_t caret_ = 0;
};

}  // namespace attune::window
