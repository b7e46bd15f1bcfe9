package vn.dvcassistant.kb.search;

import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import vn.dvcassistant.kb.Topic;
import vn.dvcassistant.kb.catalogue.CatalogueTopics;

/**
 * Which class of the topic classifier each topic is: every curated topic its own class, then one class for
 * out-of-scope questions, then (when the procedure catalogue is loaded) one class for all catalogue rows.
 *
 * <p>Why the catalogue is one class: a row holds only an official name, so a class per row would learn
 * nothing BM25 does not already know, and training 2,000 more classes took 40-60 s, longer than a
 * publication may take to reach every instance. The class says "this reads like a procedure name the
 * curated topics do not cover"; BM25's scores share its probability among the rows it ranked.
 *
 * @param classOf   per topic ordinal, its class
 * @param curated   how many curated topics (they are classes {@code 0..curated-1})
 * @param catalogue the catalogue's class, or -1 when no row is loaded
 */
record ClassifierClasses(int[] classOf, int curated, int catalogue) {

    static ClassifierClasses of(List<Topic> topics) {
        int[] classOf = new int[topics.size()];
        int curated = 0;
        boolean anyCatalogue = false;
        for (int i = 0; i < topics.size(); i++) {
            if (CatalogueTopics.isCatalogue(topics.get(i))) {
                anyCatalogue = true;
            } else {
                classOf[i] = curated++;
            }
        }
        int catalogue = anyCatalogue ? curated + 1 : -1;
        for (int i = 0; i < topics.size(); i++) {
            if (CatalogueTopics.isCatalogue(topics.get(i))) {
                classOf[i] = catalogue;
            }
        }
        return new ClassifierClasses(classOf, curated, catalogue);
    }

    int classOf(int ordinal) {
        return classOf[ordinal];
    }

    int outOfScope() {
        return curated;
    }

    int count() {
        return catalogue < 0 ? curated + 1 : curated + 2;
    }

    /**
     * Each topic's probability from the classes': a curated topic's is its class's; the catalogue class's
     * is shared among the rows BM25 ranked in proportion to their scores (a row it did not rank gets 0).
     */
    double[] topicProbabilities(double[] byClass, ScoreDoc[] lexical, int[] ordinalOfDoc) {
        double[] p = new double[classOf.length];
        for (int i = 0; i < classOf.length; i++) {
            if (classOf[i] != catalogue) {
                p[i] = byClass[classOf[i]];
            }
        }
        if (catalogue < 0) {
            return p;
        }
        double total = 0;
        for (ScoreDoc d : lexical) {
            if (classOf[ordinalOfDoc[d.doc]] == catalogue) {
                total += d.score;
            }
        }
        if (total > 0) {
            for (ScoreDoc d : lexical) {
                int ordinal = ordinalOfDoc[d.doc];
                if (classOf[ordinal] == catalogue) {
                    p[ordinal] = byClass[catalogue] * d.score / total;
                }
            }
        }
        return p;
    }
}
