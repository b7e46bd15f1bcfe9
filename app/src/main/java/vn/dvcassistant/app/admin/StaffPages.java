package vn.dvcassistant.app.admin;

import vn.dvcassistant.app.web.PageText;
import vn.dvcassistant.app.security.StaffMember;

import java.util.HashMap;
import java.util.Map;

/** What every staff page template needs: who is logged in (for the menu) and the texts. */
final class StaffPages {

    private StaffPages() {
    }

    static Map<String, Object> model(StaffMember me, PageText text) {
        Map<String, Object> model = new HashMap<>();
        model.put("me", me);
        model.put("t", text);
        model.put("fmt", text.formats());
        return model;
    }
}
