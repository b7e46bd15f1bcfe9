package vn.dvcassistant.app.conversation;

import java.util.Optional;
import java.util.Set;

/** Messages that are not questions about a procedure. Matched on the whole folded message. */
enum Smalltalk {
    GREETING(Set.of("xin chao", "chao", "hello", "hi", "alo", "alo alo", "chao buoi sang", "chao buoi chieu",
            "chao buoi toi", "hey", "start", "bat dau")),
    THANKS(Set.of("cam on", "cam on nhieu", "cam on rat nhieu", "thanks", "thank you", "thank", "tks", "thanks you",
            "cam on nhe", "ok cam on")),
    HELP(Set.of("help", "menu", "tro giup", "giup do", "giup toi", "giup", "huong dan", "danh muc", "chu de")),
    CONSENT_GIVEN(Set.of("dong y", "toi dong y", "co dong y", "dong y luu")),
    CONSENT_REFUSED(Set.of("khong dong y", "toi khong dong y", "khong", "ko dong y", "tu choi", "rut lai")),
    HANDOFF(Set.of("chuyen cau hoi", "chuyen cho can bo", "chuyen can bo", "gap can bo", "chuyen",
            "chuyen cau hoi cho can bo", "toi muon gap can bo", "cho toi gap can bo")),
    ERASE_REQUEST(Set.of("xoa du lieu", "xoa du lieu cua toi", "xoa het du lieu", "xoa du lieu ca nhan",
            "toi muon xoa du lieu", "xoa thong tin", "xoa thong tin cua toi", "xoa thong tin ca nhan",
            "xoa lich su", "xoa lich su tro chuyen", "xoa toan bo du lieu")),
    COMMENT(Set.of("gop y", "phan anh", "toi muon gop y",
            "toi muon phan anh", "gui gop y", "gui phan anh", "muon gop y", "co gop y", "toi co gop y")),
    ERASE_CONFIRM(Set.of("xac nhan xoa", "xac nhan xoa du lieu", "dong y xoa", "dong y xoa du lieu", "co xoa"));

    /** Polite particles and forms of address that do not change what the message is. */
    private static final Set<String> POLITE = Set.of("a", "ah", "nhe", "nha", "ban", "em", "anh", "chi", "oi",
            "bot", "tro", "ly", "nhieu", "ad", "admin");

    private final Set<String> phrases;

    Smalltalk(Set<String> phrases) {
        this.phrases = phrases;
    }

    static Optional<Smalltalk> detect(FoldedText text) {
        String core = String.join(" ", text.words().stream().filter(w -> !POLITE.contains(w)).toList());
        for (Smalltalk kind : values()) {
            if (kind.phrases.contains(text.text()) || kind.phrases.contains(core)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
