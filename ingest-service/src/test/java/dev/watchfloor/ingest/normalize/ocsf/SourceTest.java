package dev.watchfloor.ingest.normalize.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void unmappedIsTheRecordWithoutWhatWasReadAndWithoutContainersLeftEmpty() throws Exception {
        JsonNode record = JSON.readTree("""
                {"user":{"name":"alice","id":7},"hosts":["a","b","c"],"actor":{"x":1,"y":{"z":2}},
                 "id.orig_h":"10.0.0.1","keep":{"deep":[1,{"k":"v"}]},"empty":{},"none":[],"peeked":"p",
                 "list":[{"n":"only"}]}""");
        String before = record.toString();
        Source in = new Source(record);

        assertThat(in.text("user.name")).isEqualTo("alice");
        assertThat(in.text("hosts.1")).isEqualTo("b");
        assertThat(in.node("actor")).isNotNull();
        assertThat(in.node("actor.y.z")).as("read inside a value already read whole").isNotNull();
        assertThat(in.text("id.orig_h")).isEqualTo("10.0.0.1");
        assertThat(in.text("list.0.n")).isEqualTo("only");
        assertThat(in.peekText("peeked")).isEqualTo("p");
        assertThat(in.text("user.missing", "keep.absent")).isNull();

        assertThat(in.unmapped()).isEqualTo(JSON.readTree("""
                {"user":{"id":7},"hosts":["a","c"],"keep":{"deep":[1,{"k":"v"}]},"peeked":"p"}"""));
        assertThat(record.toString()).as("the record itself is left as it was").isEqualTo(before);
    }

    @Test
    void aRecordThatIsNotAnObjectHasAnEmptyUnmapped() throws Exception {
        assertThat(new Source(JSON.readTree("[1,2]")).unmapped()).isEmpty();
    }
}
