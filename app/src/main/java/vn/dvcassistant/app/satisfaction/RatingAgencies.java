package vn.dvcassistant.app.satisfaction;

import jakarta.inject.Singleton;
import vn.dvcassistant.app.province.Agency;
import vn.dvcassistant.app.province.AgencyDirectory;
import vn.dvcassistant.kb.Topic;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The short list of agencies a citizen picks from after rating a procedure ("where did you do it?"):
 * the directory's agencies that handle the procedure's field, those of the procedure's authority level
 * first (a procedure the commune handles lists the commune bodies first), at most {@link #MAX} so that it
 * fits in a chat's buttons next to "Không nhớ".
 */
@Singleton
public final class RatingAgencies {

    public static final int MAX = 4;

    private final AgencyDirectory directory;

    RatingAgencies(AgencyDirectory directory) {
        this.directory = directory;
    }

    public List<Agency> shortList(Topic topic) {
        List<Agency> handling = directory.handling(topic.field());
        boolean commune = fold(topic.authority()).contains("cap xa");
        List<Agency> first = new ArrayList<>();
        List<Agency> then = new ArrayList<>();
        for (Agency agency : handling) {
            // An agency with no field list handles everything: the commune level in the shipped directory.
            boolean communeLevel = agency.fields().isEmpty();
            (communeLevel == commune ? first : then).add(agency);
        }
        first.addAll(then);
        return List.copyOf(first.subList(0, Math.min(MAX, first.size())));
    }

    private static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
    }
}
