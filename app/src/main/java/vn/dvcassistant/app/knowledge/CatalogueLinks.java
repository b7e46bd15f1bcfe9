package vn.dvcassistant.app.knowledge;

import java.util.Optional;

/** The page an editor checked for a procedure code (the catalogue's "Đường dẫn"), if any. */
@FunctionalInterface
public interface CatalogueLinks {

    Optional<String> checkedLink(String code);
}
