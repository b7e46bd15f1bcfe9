package vn.dvcassistant.app.conversation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One aspect of a procedure a citizen may ask about on its own, e.g. "lệ phí bao nhiêu?" right after
 * a question about marriage registration. Keywords are folded (no diacritics).
 */
public enum Facet {
    FEE(List.of("le phi", "phi", "bao nhieu tien", "mat tien", "ton tien", "het bao nhieu", "mien phi", "tra tien")),
    TIME(List.of("bao lau", "thoi gian", "may ngay", "bao nhieu ngay", "khi nao co", "bao gio co", "mat bao lau",
            "thoi han")),
    DOCUMENTS(List.of("giay to", "ho so gom", "ho so can", "can gi", "can nhung gi", "mang theo", "chuan bi",
            "can giay")),
    STEPS(List.of("cac buoc", "lam the nao", "lam sao", "cach lam", "quy trinh", "trinh tu", "thu tuc the nao",
            "lam nhu the nao")),
    AUTHORITY(List.of("o dau", "noi nao", "co quan nao", "nop o dau", "ai giai quyet", "cho nao", "dau lam",
            "noi lam")),
    ONLINE(List.of("online", "truc tuyen", "qua mang", "tren mang", "onl", "dien tu", "tai nha"));

    /** Words that carry no topic on their own, so a question made of them and a facet is a follow-up. */

    private final List<String> keywords;

    Facet(List<String> keywords) {
        this.keywords = keywords;
    }

    static Optional<Facet> detect(FoldedText text) {
        for (Facet facet : values()) {
            if (facet.keywords.stream().anyMatch(text::containsPhrase)) {
                return Optional.of(facet);
            }
        }
        return Optional.empty();
    }
}
