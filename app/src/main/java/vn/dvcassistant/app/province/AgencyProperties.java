package vn.dvcassistant.app.province;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the {@code dvc.agencies} list in application.yml:
 * <pre>
 * dvc:
 *   agencies:
 *     - code: SO-NNMT
 *       name: Sở Nông nghiệp và Môi trường
 *       fields: [dat-dai]
 *       kind: tinh          # optional: tinh (default), trung-tam, ubnd-xa, cong-an-xa
 *       parent: UBND-TINH   # optional
 * </pre>
 * Only the seed of an empty directory: once the directory is in the database, admins change it there.
 */
@EachProperty(value = "dvc.agencies", list = true)
public final class AgencyProperties {

    private final int index;
    private String code;
    private String name;
    private List<String> fields = new ArrayList<>();
    private String kind;
    private String parent;

    public AgencyProperties(@Parameter Integer index) {
        this.index = index;
    }

    public int getIndex() {
        return index;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getFields() {
        return fields;
    }

    public void setFields(List<String> fields) {
        this.fields = fields == null ? new ArrayList<>() : fields;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }
}
