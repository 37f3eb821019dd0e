package dev.watchfloor.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseDescriptorTest {

    @Test
    void parsesLibpqUrlIntoQuarkusUrls() {
        DatabaseDescriptor db = DatabaseDescriptor.parse("postgresql://wf:s3cret@db.internal:6432/watchfloor");

        assertThat(db).isEqualTo(new DatabaseDescriptor("db.internal", 6432, "watchfloor", "wf", "s3cret"));
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/watchfloor");
        assertThat(db.reactiveUrl()).isEqualTo("postgresql://db.internal:6432/watchfloor");
    }

    @Test
    void defaultsPortTo5432AndAcceptsPostgresScheme() {
        DatabaseDescriptor db = DatabaseDescriptor.parse("postgres://wf@localhost/wf");

        assertThat(db.port()).isEqualTo(5432);
        assertThat(db.password()).isEmpty();
    }

    @Test
    void decodesPercentEncodedCredentials() {
        DatabaseDescriptor db = DatabaseDescriptor.parse("postgresql://w%40f:p%3Ass%2Fw%40rd@127.0.0.1:5432/db");

        assertThat(db.user()).isEqualTo("w@f");
        assertThat(db.password()).isEqualTo("p:ss/w@rd");
    }

    @Test
    void keepsQueryParametersOnBothUrls() {
        DatabaseDescriptor db = DatabaseDescriptor.parse("postgresql://u:p@h:5432/d?sslmode=require");

        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/d?sslmode=require");
        assertThat(db.reactiveUrl()).isEqualTo("postgresql://h:5432/d?sslmode=require");
    }

    @Test
    void keepsIpv6HostsBracketed() {
        assertThat(DatabaseDescriptor.parse("postgresql://u:p@[::1]:5432/d").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/d");
    }

    @Test
    void neverShowsThePasswordInToString() {
        assertThat(DatabaseDescriptor.parse("postgresql://u:topsecret@h:5432/d").toString())
                .isEqualTo("postgresql://u@h:5432/d")
                .doesNotContain("topsecret");
    }

    @Test
    void rejectsUrlsItCannotUseWithAMessageSayingWhat() {
        assertThatThrownBy(() -> DatabaseDescriptor.parse("mysql://u:p@h/d")).hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> DatabaseDescriptor.parse("postgresql://h:5432/d")).hasMessageContaining("no user");
        assertThatThrownBy(() -> DatabaseDescriptor.parse("postgresql://u:p@h:5432/"))
                .hasMessageContaining("database name is missing");
        assertThatThrownBy(() -> DatabaseDescriptor.parse("postgresql://u:p@h:5432/d x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseDescriptor.parse(" ")).hasMessageContaining("empty");
    }
}
