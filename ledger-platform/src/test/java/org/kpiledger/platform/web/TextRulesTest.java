package org.kpiledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest(name = "accepts \"{0}\"")
    @ValueSource(strings = {"武蔵小山創業支援センター入居者", "産業振興課 報告書 2016-04", "700件以上 (898件)", "a", "😀 絵文字",
            "  padded  "})
    void acceptsOrdinaryTextOfEveryScript(String text) {
        assertThat(TextRules.violation(text, false)).isNull();
    }

    @ParameterizedTest(name = "refuses U+{0} in a single-line field: {1}")
    @CsvSource(delimiter = '|', value = {
            "0000|control character U+0000",
            "0007|control character U+0007",
            "007F|control character U+007F",
            "0085|control character U+0085",
            "009F|control character U+009F",
            "0009|single line",
            "000A|single line",
            "000D|single line",
            "202A|bidirectional control U+202A",
            "202E|bidirectional control U+202E",
            "2066|bidirectional control U+2066",
            "2069|bidirectional control U+2069",
            "D800|lone surrogate",
            "DC00|lone surrogate"})
    void refusesControlBidiAndSurrogateCharacters(String codePoint, String expected) {
        String text = "a" + (char) Integer.parseInt(codePoint, 16) + "b";

        assertThat(TextRules.violation(text, false)).contains(expected);
    }

    @ParameterizedTest(name = "U+{0} is {1} in a multi-line field")
    @CsvSource(delimiter = '|', value = {"0009|accepted", "000A|accepted", "000D|accepted", "0000|refused",
            "202E|refused"})
    void admitsTabsAndLineBreaksOnlyInMultiLineFields(String codePoint, String outcome) {
        String text = "一行目" + (char) Integer.parseInt(codePoint, 16) + "二行目";

        assertThat(TextRules.violation(text, true) == null).isEqualTo(outcome.equals("accepted"));
    }

    @ParameterizedTest(name = "refuses blank \"{0}\"")
    @ValueSource(strings = {"", " ", "\u3000\u3000", "\u200B", "\u00A0", "\uFEFF\u2060", " \u200C\u200D "})
    void refusesTextThatIsBlankOnceInvisibleCharactersAreRemoved(String text) {
        assertThat(TextRules.violation(text, true)).isEqualTo("must not be blank");
    }

    /** The fillers a probe used to pass a blank name: each renders as nothing, or as an empty cell. */
    @ParameterizedTest(name = "refuses text made only of U+{0}")
    @ValueSource(strings = {"3164", "2800", "115F", "FFA0", "E0041", "E007F", "FE0F", "00AD", "034F"})
    void refusesTextMadeOnlyOfInvisibleFillers(String codePoint) {
        String filler = Character.toString(Integer.parseInt(codePoint, 16));

        assertThat(TextRules.violation(filler.repeat(3), false)).isEqualTo("must not be blank");
        assertThat(TextRules.violation("名前" + filler, false)).as("beside visible text").isNull();
    }

    @ParameterizedTest(name = "refuses U+{0} anywhere: {1}")
    @CsvSource(delimiter = '|', value = {"2028|line or paragraph separator", "2029|line or paragraph separator",
            "FFFF|noncharacter", "FFFE|noncharacter", "FDD0|noncharacter", "1FFFF|noncharacter",
            "10FFFF|noncharacter"})
    void refusesSeparatorsAndNoncharactersEvenInMultiLineFields(String codePoint, String expected) {
        String text = "一行目" + Character.toString(Integer.parseInt(codePoint, 16)) + "二行目";

        assertThat(TextRules.violation(text, true)).contains(expected);
    }

    @ParameterizedTest(name = "accepts \"{0}\"")
    @ValueSource(strings = {"\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F",
            "\u2764\uFE0F", "\uD842\uDFB7野家"})
    void acceptsEmojiSequencesAndCharactersBeyondTheBasicPlane(String text) {
        assertThat(TextRules.violation(text, false)).isNull();
    }

    /** Written as Java escapes, so that no editor composes the decomposed forms. */
    @ParameterizedTest(name = "NFC of {0}")
    @CsvSource({"'\u30AB\u3099','\u30AC'", "'e\u0301','\u00E9'", "'A\u030A','\u00C5'"})
    void canonicalizesToNfc(String decomposed, String composed) {
        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(TextRules.canonical(decomposed)).isEqualTo(composed);
    }
}
