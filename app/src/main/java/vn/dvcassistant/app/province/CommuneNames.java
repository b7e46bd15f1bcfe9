package vn.dvcassistant.app.province;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a commune's agency from what a citizen typed ("Phủ Lý", "phu ly", "phường Phủ Lý") or wrote in a comment
 * ("... ở UBND xã Kim Bảng ..."), with or without diacritics, among the directory's active agencies of one
 * commune-level kind. The place is the agency's name without its body ("UBND", "Ủy ban nhân dân", "Công an") and
 * unit ("xã", "phường", "đặc khu", "thị trấn").
 */
@Singleton
public final class CommuneNames {

    private static final List<String> BODIES = List.of("uy ban nhan dan ", "ubnd ", "cong an ");
    private static final List<String> UNITS = List.of("xa ", "phuong ", "dac khu ", "thi tran ");
    /** Words that name no place: a unit, or the "cấp xã" of a generic commune body. */
    private static final Set<String> NO_PLACE = Set.of("xa", "phuong", "dac", "khu", "thi", "tran", "cap");

    private final AgencyDirectory directory;

    CommuneNames(AgencyDirectory directory) {
        this.directory = directory;
    }

    /** The best matches for a typed place name, best first, at most {@code max}; empty when nothing is close. */
    public List<Agency> bestMatches(String typed, AgencyKind kind, int max) {
        String wanted = place(Folding.fold(typed).replaceAll("[^a-z0-9 ]", " ").strip().replaceAll("\\s+", " "));
        if (wanted.isEmpty()) {
            return List.of();
        }
        Set<String> wantedWords = placeWords(wanted);
        if (wantedWords.isEmpty()) {
            return List.of();
        }
        record Scored(Agency agency, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Agency agency : directory.ofKind(kind)) {
            String place = place(Folding.fold(agency.name()));
            double score;
            if (place.equals(wanted)) {
                score = 3;
            } else if ((" " + place + " ").contains(" " + wanted + " ")) {
                score = 2;
            } else {
                Set<String> words = placeWords(place);
                long shared = wantedWords.stream().filter(words::contains).count();
                score = shared == 0 ? 0 : (double) shared / Math.max(1, Math.max(words.size(), wantedWords.size()));
            }
            if (score > 0) {
                scored.add(new Scored(agency, score));
            }
        }
        return scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparing(s -> s.agency().name()))
                .limit(max).map(Scored::agency).toList();
    }

    /** The agency of {@code kind} whose place is exactly what was typed ("phường Phủ Lý", "phu ly"), if one. */
    public Optional<Agency> exactly(String typed, AgencyKind kind) {
        String wanted = place(Folding.fold(typed).replaceAll("[^a-z0-9 ]", " ").strip().replaceAll("\\s+", " "));
        if (placeWords(wanted).isEmpty()) {
            return Optional.empty();
        }
        List<Agency> found = directory.ofKind(kind).stream()
                .filter(a -> place(Folding.fold(a.name())).equals(wanted)).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /**
     * The agency of {@code kind} a text names with its unit ("xã Kim Bảng", "phường Phủ Lý"); the longest name wins
     * ("phường Phủ Lý Bắc" over "phường Phủ Lý"). Empty when the text names none.
     */
    public Optional<Agency> namedIn(String text, AgencyKind kind) {
        return namedIn(text, kind, List.of(""));
    }

    /**
     * The agency of {@code kind} a text names with its body and unit ("UBND xã Kim Bảng", "Ủy ban nhân dân phường
     * Phủ Lý", "Công an xã Kim Bảng"): a complaint about that very body. Empty when the text names none.
     */
    public Optional<Agency> bodyNamedIn(String text, AgencyKind kind) {
        return namedIn(text, kind, kind == AgencyKind.COMMUNE_POLICE ? List.of("cong an ")
                : List.of("ubnd ", "uy ban nhan dan ", "uy ban "));
    }

    private Optional<Agency> namedIn(String text, AgencyKind kind, List<String> bodies) {
        String folded = " " + Folding.fold(text).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ") + " ";
        Agency best = null;
        int bestLength = 0;
        for (Agency agency : directory.ofKind(kind)) {
            String withUnit = withoutBody(Folding.fold(agency.name()));
            boolean hasUnit = UNITS.stream().anyMatch(withUnit::startsWith);
            if (!hasUnit || withUnit.length() <= bestLength) {
                continue;
            }
            for (String body : bodies) {
                if (folded.contains(" " + body + withUnit + " ")) {
                    best = agency;
                    bestLength = withUnit.length();
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Set<String> placeWords(String place) {
        Set<String> words = new HashSet<>(Arrays.asList(place.split(" ")));
        words.removeAll(NO_PLACE);
        words.remove("");
        return words;
    }

    private static String place(String folded) {
        String rest = withoutBody(folded);
        for (String unit : UNITS) {
            if (rest.startsWith(unit)) {
                return rest.substring(unit.length()).strip();
            }
        }
        return rest;
    }

    private static String withoutBody(String folded) {
        String rest = folded.replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
        for (String body : BODIES) {
            if (rest.startsWith(body)) {
                return rest.substring(body.length()).strip();
            }
        }
        return rest;
    }
}
