package vn.dvcassistant.kb.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

class VietnameseAnalyzerTest {

    private static final SynonymDictionary DICTIONARY = dictionary();

    private static SynonymDictionary dictionary() {
        SynonymDictionary.Builder b = SynonymDictionary.builder();
        b.add("cccd", "căn cước công dân");
        b.add("kí", "ký");
        b.add("đăng kí", "đăng ký");
        b.add("bằng lái", "giấy phép lái xe");
        b.add("bằng lái xe", "giấy phép lái xe");
        b.add("sổ đỏ", "giấy chứng nhận quyền sử dụng đất");
        return b.build();
    }

    private final Analyzer analyzer = new VietnameseAnalyzer(DICTIONARY);

    @Test
    void foldsDiacriticsAndAddsSyllableBigrams() {
        assertAnalyzesTo(new VietnameseAnalyzer(), "Đăng ký",
                "dang", "dang ky", "ky");
        assertAnalyzesTo(new VietnameseAnalyzer(), "Đăng ký khai sinh",
                "dang", "dang ky", "ky", "ky khai", "khai", "khai sinh", "sinh");
    }

    @Test
    void writingWithoutDiacriticsAnalyzesAlike() {
        assertThat(terms(analyzer, "dang ky khai sinh")).isEqualTo(terms(analyzer, "Đăng ký khai sinh"));
        assertThat(terms(analyzer, "DUONG DAY NONG")).isEqualTo(terms(analyzer, "đường dây nóng"));
    }

    @Test
    void expandsAbbreviationsToTheirCanonicalPhrase() {
        assertAnalyzesTo(analyzer, "đổi cccd",
                "doi", "doi can", "can", "can cuoc", "cuoc", "cuoc cong", "cong", "cong dan", "dan");
        assertThat(terms(analyzer, "CCCD")).isEqualTo(terms(analyzer, "căn cước công dân"));
    }

    @Test
    void variantSpellingsAnalyzeAlike() {
        assertThat(terms(analyzer, "đăng kí kết hôn")).isEqualTo(terms(analyzer, "đăng ký kết hôn"));
        assertThat(terms(analyzer, "chữ kí")).isEqualTo(terms(analyzer, "chữ ký"));
        assertThat(terms(analyzer, "bằng lái xe")).isEqualTo(terms(analyzer, "giấy phép lái xe"));
        assertThat(terms(analyzer, "làm sổ đỏ")).isEqualTo(terms(analyzer, "làm giấy chứng nhận quyền sử dụng đất"));
    }

    @Test
    void rewritesKeepALinearStreamSoBigramsStayMeaningful() throws IOException {
        try (TokenStream stream = analyzer.tokenStream("f", "cấp lại cccd bị mất")) {
            PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            List<String> bigrams = new ArrayList<>();
            while (stream.incrementToken()) {
                assertThat(inc.getPositionIncrement()).isBetween(0, 1);
                if (term.toString().contains(" ")) {
                    bigrams.add(term.toString());
                }
            }
            stream.end();
            assertThat(bigrams).containsSubsequence("lai can", "can cuoc", "cuoc cong", "cong dan", "dan bi");
        }
    }

    @Test
    void dropsEmojiAndPunctuation() {
        assertThat(terms(analyzer, "😀🙏 ?!")).isEmpty();
        assertAnalyzesTo(new VietnameseAnalyzer(), "khai sinh 🙏", "khai", "khai sinh", "sinh");
        assertAnalyzesTo(new VietnameseAnalyzer(), "khai 👍 sinh", "khai", "khai sinh", "sinh");
    }

    @Test
    void syllablesAreTheIndexChainsSyllablesWithoutItsBigrams() {
        VietnameseAnalyzer full = new VietnameseAnalyzer(DICTIONARY);
        Analyzer syllables = full.syllables();
        List<String> texts = new ArrayList<>(List.of("Đăng kí kết hôn với người nước ngoài ạ?",
                "làm sổ đỏ 🙏 cho bố mẹ, cccd hết hạn thì sao", "bằng lái xe bị mất!!! cấp lại ở đâu",
                "ddang kys khai sinh 2024 cho con", "CCCD", "  ", "kí", "thủ tục... đăng ký tạm trú (online)"));
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(40); j > 0; j--) {
                text.appendCodePoint(random.nextInt(3) == 0 ? ' ' : random.nextInt(5) == 0
                        ? random.nextInt(0x2FFF) + 1 : "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếộ".charAt(random.nextInt(36)));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertThat(terms(syllables, text)).as(text).isEqualTo(withoutBigrams(full, text));
        }
    }

    private static List<String> withoutBigrams(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (!VietnameseAnalyzer.BIGRAM_TYPE.equals(type.type())) {
                    out.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    @Test
    void survivesRandomText() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(random.nextInt(4) == 0 ? ' ' : random.nextInt(0x2FFF) + 1);
            }
            terms(analyzer, text.toString()); // must not throw
        }
    }

    static void assertAnalyzesTo(Analyzer analyzer, String text, String... expected) {
        assertThat(terms(analyzer, text)).containsExactly(expected);
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
