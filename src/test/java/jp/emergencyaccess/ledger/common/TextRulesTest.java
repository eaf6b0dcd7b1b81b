package jp.emergencyaccess.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextRulesTest {
  @Test
  void freeText_allowsTabsNewlinesAndEveryPlane_butNoOtherControls() {
    assertThat(TextRules.problemInFreeText("能登\n\t半島 😀")).isNull();
    for (String bad : new String[] {"a\u0000", "\r", "\u007f", "\u0085", "\u001b[0m"}) {
      assertThat(TextRules.problemInFreeText(bad)).as(bad).contains("control characters");
    }
  }

  @Test
  void loneSurrogatesAndBidiControls_areRefusedEverywhere() {
    for (String bad : new String[] {"\ud800", "x\udc00", "\ud83d", "😀\ude00"}) {
      assertThat(TextRules.problemInFreeText(bad)).as(bad).contains("surrogate");
    }
    for (String bad : new String[] {"\u202e", "\u2066", "\u200f", "\u061c"}) {
      assertThat(TextRules.problemInLine(bad)).as(bad).contains("bidirectional");
    }
  }

  @Test
  void identifiersAndNames_areOneLine() {
    assertThat(TextRules.problemInLine("金沢 診療所")).isNull();
    assertThat(TextRules.problemInLine("a\tb")).contains("single line");
    assertThat(TextRules.problemInLine("a\nb")).contains("single line");
  }
}
