package vn.dvcassistant.app.province;

import io.micronaut.context.annotation.Property;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dvcassistant.kb.Field;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The province's agencies, from the {@code agency} table (seeded from {@code dvc.agencies} when it is empty),
 * in the directory's order. Reads come from a snapshot; every {@code dvc.agency-directory.refresh} the snapshot
 * checks the directory's version number and reloads when another instance (or this one) changed it, so a
 * change on one instance is seen by every instance within that time, without a restart.
 */
@Singleton
public final class AgencyDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyDirectory.class);
    /** What an agency code may be: letters without diacritics, digits, - and _, up to 32. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /**
     * One load of the directory. The active agencies, and those of each kind, are listed once per load: the
     * chat's rating offer asks for them on every answer.
     */
    private record Snapshot(long version, long checkedAtNanos, Map<String, Agency> byCode, List<Agency> active,
                            Map<AgencyKind, List<Agency>> activeByKind) {

        Snapshot(long version, long checkedAtNanos, Map<String, Agency> byCode) {
            this(version, checkedAtNanos, byCode, byCode.values().stream().filter(Agency::active).toList());
        }

        private Snapshot(long version, long checkedAtNanos, Map<String, Agency> byCode, List<Agency> active) {
            this(version, checkedAtNanos, byCode, active, byKind(active));
        }

        Snapshot checkedAt(long nanos) {
            return new Snapshot(version, nanos, byCode, active, activeByKind);
        }

        private static Map<AgencyKind, List<Agency>> byKind(List<Agency> active) {
            Map<AgencyKind, List<Agency>> byKind = new EnumMap<>(AgencyKind.class);
            for (AgencyKind kind : AgencyKind.values()) {
                byKind.put(kind, active.stream().filter(a -> a.kind() == kind).toList());
            }
            return Collections.unmodifiableMap(byKind);
        }
    }

    private final TransactionOperations<Connection> transactions;
    private final long refreshNanos;
    private volatile Snapshot snapshot;

    public AgencyDirectory(List<AgencyProperties> entries, TransactionOperations<Connection> transactions,
                           @Property(name = "dvc.agency-directory.refresh", defaultValue = "10s") Duration refresh) {
        this.transactions = transactions;
        this.refreshNanos = refresh.toNanos();
        seedIfEmpty(seed(entries));
        this.snapshot = load();
    }

    /** Any agency by its code, deactivated ones included (past ratings and comments still name them). */
    public Optional<Agency> find(String code) {
        return Optional.ofNullable(code == null ? null : current().byCode().get(code));
    }

    /** An agency new records may name: known and active. */
    public Optional<Agency> findActive(String code) {
        return find(code).filter(Agency::active);
    }

    /** The active agencies, in the directory's order: what pickers offer. */
    public List<Agency> all() {
        return current().active();
    }

    /** Every agency, deactivated ones included, in the directory's order: what the directory's page lists. */
    public List<Agency> withInactive() {
        return List.copyOf(current().byCode().values());
    }

    /** Active agencies that handle procedures of {@code field}, in the directory's order. */
    public List<Agency> handling(Field field) {
        return all().stream().filter(a -> a.handles(field)).toList();
    }

    /** Active agencies of one kind, in the directory's order. */
    public List<Agency> ofKind(AgencyKind kind) {
        return current().activeByKind().get(kind);
    }

    /**
     * Where a province-level view shows an agency: the agency itself unless it is a commune-level body, else its
     * nearest ancestor that is not (a commune's police rolls up to the province police); itself without one.
     */
    public Agency provinceLevel(Agency agency) {
        Agency at = agency;
        Set<String> seen = new LinkedHashSet<>();
        while (at.kind().communeLevel() && at.parent() != null && seen.add(at.code())) {
            Optional<Agency> parent = find(at.parent());
            if (parent.isEmpty()) {
                break;
            }
            at = parent.get();
        }
        return at.kind().communeLevel() ? agency : at;
    }

    /** {@code code} and the codes of every agency under it, deactivated ones included (their past figures count). */
    public List<String> withDescendants(String code) {
        Map<String, Agency> byCode = current().byCode();
        List<String> codes = new ArrayList<>(List.of(code));
        Set<String> seen = new LinkedHashSet<>(codes);
        for (int i = 0; i < codes.size(); i++) {
            String parent = codes.get(i);
            for (Agency agency : byCode.values()) {
                if (parent.equals(agency.parent()) && seen.add(agency.code())) {
                    codes.add(agency.code());
                }
            }
        }
        return List.copyOf(codes);
    }

    /** The directory's version number as this instance last saw it. */
    public long version() {
        return current().version();
    }

    /** Makes the next read check the database: called after this instance changed the directory. */
    public void changed() {
        Snapshot s = snapshot;
        snapshot = s.checkedAt(System.nanoTime() - refreshNanos - 1);
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (System.nanoTime() - s.checkedAtNanos() <= refreshNanos) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (System.nanoTime() - s.checkedAtNanos() <= refreshNanos) {
                return s;
            }
            try {
                long version = readVersion();
                snapshot = version == s.version()
                        ? s.checkedAt(System.nanoTime()) : load();
            } catch (RuntimeException e) {
                // The database is away: keep answering from the last snapshot, and try again at the next read.
                LOG.warn("Agency directory not refreshed: {}", e.toString());
                return s;
            }
            return snapshot;
        }
    }

    private long readVersion() {
        return transactions.executeRead(status -> {
            try (Statement statement = status.getConnection().createStatement();
                 ResultSet rs = statement.executeQuery("SELECT version FROM agency_directory_version WHERE id = 1")) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Snapshot load() {
        return transactions.executeRead(status -> {
            try (Statement statement = status.getConnection().createStatement()) {
                long version;
                try (ResultSet rs = statement.executeQuery("SELECT version FROM agency_directory_version WHERE id = 1")) {
                    rs.next();
                    version = rs.getLong(1);
                }
                Map<String, Agency> byCode = new LinkedHashMap<>();
                try (ResultSet rs = statement.executeQuery(
                        "SELECT code, name, parent_code, kind, fields, active FROM agency ORDER BY position, code")) {
                    while (rs.next()) {
                        Set<Field> fields = new LinkedHashSet<>();
                        Array array = rs.getArray("fields");
                        for (Object f : (Object[]) array.getArray()) {
                            Field.fromCode((String) f).ifPresent(fields::add);
                        }
                        String code = rs.getString("code");
                        byCode.put(code, new Agency(code, rs.getString("name"), rs.getString("parent_code"),
                                AgencyKind.fromCode(rs.getString("kind")).orElse(AgencyKind.PROVINCE), fields,
                                rs.getBoolean("active")));
                    }
                }
                return new Snapshot(version, System.nanoTime(), Collections.unmodifiableMap(byCode));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The configured agencies, checked: a wrong field code or a duplicate must stop the start, not drop ratings. */
    private static List<Agency> seed(List<AgencyProperties> entries) {
        Map<String, Agency> byCode = new LinkedHashMap<>();
        for (AgencyProperties entry : entries.stream().sorted(Comparator.comparingInt(AgencyProperties::getIndex)).toList()) {
            String where = "dvc.agencies[" + entry.getIndex() + "]";
            String code = entry.getCode();
            if (code == null || !CODE.matcher(code).matches()) {
                throw new ConfigurationException(where + ".code must be 1-32 letters, digits, - or _");
            }
            if (entry.getName() == null || entry.getName().isBlank()) {
                throw new ConfigurationException(where + ".name is missing");
            }
            Set<Field> fields = new LinkedHashSet<>();
            for (String f : entry.getFields()) {
                fields.add(Field.fromCode(f).orElseThrow(() -> new ConfigurationException(
                        where + ".fields: unknown field " + f)));
            }
            // Before kinds existed, an agency handling every field was the commune level.
            AgencyKind kind = entry.getKind() == null || entry.getKind().isBlank()
                    ? (fields.isEmpty() ? AgencyKind.COMMUNE_COMMITTEE : AgencyKind.PROVINCE)
                    : AgencyKind.fromText(entry.getKind()).orElseThrow(() -> new ConfigurationException(
                    where + ".kind: unknown kind " + entry.getKind()));
            String parent = entry.getParent() == null || entry.getParent().isBlank() ? null : entry.getParent().strip();
            if (byCode.put(code, new Agency(code, entry.getName().strip(), parent, kind, fields, true)) != null) {
                throw new ConfigurationException("dvc.agencies: code " + code + " appears twice");
            }
        }
        for (Agency agency : byCode.values()) {
            if (agency.parent() != null && (!byCode.containsKey(agency.parent()) || agency.parent().equals(agency.code()))) {
                throw new ConfigurationException("dvc.agencies: " + agency.code() + " has an unknown parent " + agency.parent());
            }
        }
        return new ArrayList<>(byCode.values());
    }

    /** Fills an empty directory from the configuration; two instances starting at once seed it once. */
    private void seedIfEmpty(List<Agency> seed) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("LOCK TABLE agency IN SHARE ROW EXCLUSIVE MODE");
                try (ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM agency)")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return null;
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO agency "
                        + "(code, name, parent_code, kind, fields, position, updated_by) VALUES (?, ?, ?, ?, ?, ?, 'dvc.agencies')")) {
                    int position = 0;
                    for (Agency agency : seed) {
                        insert.setString(1, agency.code());
                        insert.setString(2, agency.name());
                        insert.setString(3, agency.parent());
                        insert.setString(4, agency.kind().code());
                        insert.setArray(5, connection.createArrayOf("text",
                                agency.fields().stream().sorted().map(Field::code).toArray()));
                        insert.setInt(6, ++position);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                statement.executeUpdate("UPDATE agency_directory_version SET version = version + 1 WHERE id = 1");
                LOG.info("Agency directory seeded with {} agencies from dvc.agencies", seed.size());
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
