package dev.watchfloor.reasoning.review;

import jakarta.validation.constraints.Size;

/**
 * An analyst's judgement of a verdict: {@code agree: true}, or the verdict it should have been ({@code verdict}); an
 * optional comment.
 */
public record FeedbackRequest(Boolean agree, String verdict, @Size(max = 2000) String comment) {
}
