package vn.dvcassistant.kb.search;

import java.util.Set;

/**
 * Folded syllables that say how a question is asked, not what it is about ("tôi muốn hỏi ... thế
 * nào ạ"). They still match (their bigrams help), but they count little in the query and nothing in
 * the confidence features. Folding merges syllables, so syllables whose folded form is also a content
 * word are left out: "sao" (bản sao), "thi" (thi tốt nghiệp), "dau" (đầu tư), "ma" (mã số), "can"
 * (căn cước), "the" (thẻ), "ve" (bản vẽ), "tai" (tài khoản), "ban" (bản sao), "thu" (thu nhập), "nha" (nhà ở), "hoi" (xã hội), "bao" (khai báo), "dang" (đăng ký).
 */
final class StopWords {

    static final Set<String> FOLDED = Set.of(
            "toi", "minh", "em", "a", "oi", "cho", "muon", "lam", "nao", "gi", "o", "khong", "co",
            "duoc", "va", "la", "cua", "nhu", "nhieu", "nay", "voi", "cac", "nhung", "roi", "da", "se",
            "vay", "nhe", "giup", "xin", "phai", "nhi", "ha", "ak", "ah", "ai", "khi", "neu", "vao",
            "bi", "hoac", "hay", "u", "ne", "luon");

    private StopWords() {
    }

    static boolean contains(String folded) {
        return FOLDED.contains(folded);
    }
}
