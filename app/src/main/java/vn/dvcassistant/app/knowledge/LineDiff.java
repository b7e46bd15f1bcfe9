package vn.dvcassistant.app.knowledge;

import java.util.ArrayList;
import java.util.List;

/** A readable line diff of two versions of an entry: "- " removed, "+ " added, unchanged lines left out. */
public final class LineDiff {

    private LineDiff() {
    }

    public static List<String> of(String before, String after) {
        String[] a = before == null || before.isEmpty() ? new String[0] : before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                if (!b[j].isBlank()) {
                    out.add("+ " + b[j]);
                }
                j++;
            } else {
                if (!a[i].isBlank()) {
                    out.add("- " + a[i]);
                }
                i++;
            }
        }
        return out;
    }
}
