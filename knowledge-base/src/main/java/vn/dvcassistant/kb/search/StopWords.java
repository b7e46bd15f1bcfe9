package vn.dvcassistant.kb.search;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What each syllable of a folded query does: say what the question is about ({@link Role#CONTENT}),
 * how it is asked ({@link Role#STOP}: "cho em hỏi ... thì làm sao ạ"), or which facet of a procedure
 * it wants ({@link Role#FACET}: "lệ phí bao nhiêu", "mất bao lâu", "ở đâu", "online").
 *
 * <p>Stop syllables and facets still match (their bigrams help rank), but they count little in the
 * query and not in the confidence features: a long, polite question about the right topic should not
 * look like a weak match because the content never says "chào ad" or "bao lâu". Facets count only
 * when the question has nothing else ("lệ phí", "nộp online").
 *
 * <p>Folding merges syllables, so some fillers are also content words: "thì" and "thi" (thi tốt
 * nghiệp), "đâu" and "đầu" (đầu tư), "sao" (bản sao), "từ" and "tử" (khai tử). Such a
 * {@link #HOMOGRAPHS homograph} is a stop syllable unless it forms, with a neighbour that is not a stop
 * syllable, a bigram the content uses ("dự thi", "đầu tư", "khai tử", "bản sao").
 */
final class StopWords {

    enum Role { CONTENT, STOP, FACET }

    /** Folded syllables that are only ever about the asking (greetings, pronouns, particles, modals). */
    static final Set<String> FOLDED = HashLookups.setOf(
            "toi", "minh", "em", "e", "a", "oi", "cho", "muon", "lam", "nao", "gi", "o", "khong", "co",
            "duoc", "va", "la", "cua", "nhu", "nhieu", "nay", "voi", "cac", "nhung", "roi", "da", "se",
            "vay", "nhe", "giup", "xin", "phai", "nhi", "ha", "ak", "ah", "ai", "khi", "neu", "vao",
            "bi", "hoac", "hay", "u", "ne", "luon", "chao", "ad", "admin", "shop", "vua", "nua", "xong",
            "tren", "lun",
            // Southern and Central ways of saying "tôi", "thế", "vậy", "nhé" ("tui", "rứa", "dzậy", "nghen"; not "nha": it is also "nhà")
            "tui", "rua", "dzay", "zay", "nghen");

    /**
     * Fillers whose folded form is also a content syllable; see the class comment. "the" (thế / thẻ),
     * "can" (cần / căn, cán), "ban" (bạn / bản, bán), "tai" (tại / tài, tải), "bao" (bảo / báo, bảo
     * hiểm), "thu" (thử / thủ tục, thu nhập), "hoi" (hỏi / xã hội).
     */
    static final Set<String> HOMOGRAPHS = HashLookups.setOf(
            "thi", "dau", "sao", "tu", "con", "de", "len", "ra", "di", "gio", "moi", "the", "can", "ban",
            "tai", "bao", "thu", "hoi", "anh", "chi", "qua", "mang", "sang", "den", "dang", "trong", "cung",
            "biet", "chua", "sau", "truoc", "thay", "vi", "dinh", "nen", "cach", "mot", "ngay", "lai",
            "theo", "ma", "ve", "thoi");

    /**
     * Folded phrases that ask for a facet of any procedure rather than name one. Longest first where one
     * contains another.
     */
    static final List<List<String>> FACETS = List.of(
            List.of("le", "phi"), List.of("bao", "nhieu", "tien"), List.of("bao", "nhieu"),
            List.of("mat", "bao", "lau"), List.of("bao", "lau"), List.of("bao", "gio"), List.of("thoi", "gian"),
            List.of("giay", "to"), List.of("o", "dau"), List.of("truc", "tuyen"), List.of("thu", "tuc"),
            List.of("huong", "dan"), List.of("cac", "buoc"), List.of("quy", "trinh"), List.of("dieu", "kien"),
            List.of("the", "nao"), List.of("lam", "sao"), List.of("can", "gi"), List.of("gom"),
            List.of("mau"), List.of("to", "khai"), List.of("chi", "phi"), List.of("het", "bao", "nhieu"),
            List.of("han", "chot"), List.of("khi", "nao"));

    private StopWords() {
    }

    static boolean contains(String folded) {
        return FOLDED.contains(folded);
    }

    static boolean isHomograph(String folded) {
        return HOMOGRAPHS.contains(folded);
    }

    /**
     * The role of each syllable of a folded query.
     *
     * @param knownBigram whether the content uses a bigram (asked only for bigrams with a homograph)
     */
    static Role[] roles(List<String> syllables, Predicate<String> knownBigram) {
        int n = syllables.size();
        Role[] roles = new Role[n];
        for (int i = 0; i < n; i++) {
            roles[i] = FOLDED.contains(syllables.get(i)) ? Role.STOP : Role.CONTENT;
        }
        for (int i = 0; i < n; i++) {
            String s = syllables.get(i);
            if (!HOMOGRAPHS.contains(s)) {
                continue;
            }
            boolean inPhrase = i > 0 && roles[i - 1] != Role.STOP && knownBigram.test(syllables.get(i - 1) + " " + s)
                    || i + 1 < n && roles[i + 1] != Role.STOP && knownBigram.test(s + " " + syllables.get(i + 1));
            if (!inPhrase) {
                roles[i] = Role.STOP;
            }
        }
        for (int i = 0; i < n; i++) {
            String first = syllables.get(i);
            for (List<String> facet : FACETS) {
                // The first syllable first: comparing sublists for every facet at every position showed in the profile.
                if (facet.get(0).equals(first) && i + facet.size() <= n
                        && syllables.subList(i, i + facet.size()).equals(facet)) {
                    for (int j = i; j < i + facet.size(); j++) {
                        roles[j] = Role.FACET;
                    }
                    break;
                }
            }
        }
        return roles;
    }
}
