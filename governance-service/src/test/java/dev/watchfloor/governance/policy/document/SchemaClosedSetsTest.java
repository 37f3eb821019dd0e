package dev.watchfloor.governance.policy.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.watchfloor.contracts.domain.ActionType;
import dev.watchfloor.redaction.Detector;

class SchemaClosedSetsTest {

    @Test
    void thePublishedSchemaListsTheActionTypesAndDetectorsFromTheirOneDefinition() throws Exception {
        JsonNode defs = new ObjectMapper().readTree(SchemaCheck.SCHEMA_TEXT).path("$defs");

        assertThat(defs.path("actionType").path("enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(Arrays.stream(ActionType.values()).map(ActionType::wire).toList());
        assertThat(defs.path("detector").path("enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(Arrays.stream(Detector.values()).map(Detector::wire).toList());
        assertThat(SchemaCheck.SCHEMA_TEXT).doesNotContain("$comment");
    }
}
