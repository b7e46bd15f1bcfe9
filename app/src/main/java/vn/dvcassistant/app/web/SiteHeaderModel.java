package vn.dvcassistant.app.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;
import vn.dvcassistant.app.i18n.Messages;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives every page's model the {@code site} header (public-header.html): the province's name and the link
 * back to the chat, so a citizen who opened a tracking or survey page from a QR code knows whose service it
 * is and how to ask a question. Added here once rather than by each public page's controller.
 */
@Singleton
final class SiteHeaderModel implements ViewModelProcessor<Map<String, Object>> {

    private final Map<String, String> site;

    SiteHeaderModel(@Value("${dvc.conversation.province-name:}") String provinceName, Messages messages) {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("province", provinceName == null || provinceName.isBlank() ? "" : provinceName.strip());
        header.put("service", messages.get("site.service"));
        header.put("back", messages.get("site.backToChat"));
        this.site = Map.copyOf(header);
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        Object model = view.getModel().orElse(null);
        if (model instanceof Map<?, ?> values && !values.containsKey("site")) {
            // Controllers may hand over unmodifiable maps: copy rather than put.
            Map<String, Object> withSite = new LinkedHashMap<>();
            values.forEach((key, value) -> withSite.put(String.valueOf(key), value));
            withSite.put("site", site);
            view.setModel(withSite);
        }
    }
}
