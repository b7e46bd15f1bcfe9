package vn.dvcassistant.app.security;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
@Property(name = "dvc.admin.username", value = "Quan-Tri")
@Property(name = "dvc.admin.password", value = FirstAdminTest.PASSWORD)
class FirstAdminTest {

    static final String PASSWORD = "mat-khau-quan-tri-dau-tien";

    @Inject
    FirstAdminCreator creator;
    @Inject
    StaffAccounts accounts;
    @Inject
    PasswordHasher hasher;
    @Inject
    DataSource dataSource;

    @Test
    void firstAdminIsCreatedOnceFromTheEnvironmentAndThePasswordIsNeverLogged() {
        new RawSql(dataSource).update("DELETE FROM staff_user WHERE role = 'ADMIN'");
        Logger logger = (Logger) LoggerFactory.getLogger(FirstAdminCreator.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            assertThat(creator.createIfNoAdmin()).isTrue();
            StaffUser admin = accounts.find("quan-tri").orElseThrow();
            assertThat(admin.role()).isEqualTo(Roles.ADMIN);
            assertThat(hasher.matches(PASSWORD, admin.passwordHash())).isTrue();

            // A second start (or a changed variable) does not create or reset anything.
            assertThat(creator.createIfNoAdmin()).isFalse();
            FirstAdminCreator other = new FirstAdminCreator(accounts, new FirstAdminSettings("quan-tri-2", "mot-mat-khau-khac-hoan-toan"));
            assertThat(other.createIfNoAdmin()).isFalse();
            assertThat(accounts.find("quan-tri-2")).isEmpty();
            assertThat(accounts.find("quan-tri").orElseThrow().passwordHash()).isEqualTo(admin.passwordHash());
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("first_admin=created"));
        assertThat(logs.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(PASSWORD));
    }
}
