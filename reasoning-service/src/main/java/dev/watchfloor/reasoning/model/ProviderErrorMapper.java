package dev.watchfloor.reasoning.model;

import java.lang.reflect.Method;
import java.time.Clock;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.client.impl.RestClientRequestContext;

import io.quarkus.rest.client.reactive.runtime.ResteasyReactiveResponseExceptionMapper;

/**
 * Keeps the status and {@code Retry-After} of a provider's error answer. quarkus-langchain4j's OpenAI client turns an
 * error answer into {@code dev.langchain4j.exception.HttpException(status, body)}, which drops the headers; this mapper
 * runs first (lower priority value) and throws a {@link ProviderHttpException} that keeps them. It is a global REST
 * client provider ({@code @Provider}), so it answers only for calls of quarkus-langchain4j's REST interfaces (OpenAI
 * and Azure OpenAI, Anthropic) and leaves any other REST client's errors alone.
 */
@Provider
public class ProviderErrorMapper implements ResteasyReactiveResponseExceptionMapper<ProviderHttpException> {

    private static final String LANGCHAIN4J_CLIENTS = "io.quarkiverse.langchain4j.";
    private static final int MAX_BODY = 300;

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ProviderHttpException toThrowable(Response response, RestClientRequestContext context) {
        Method invoked = context.getInvokedMethod();
        if (invoked == null || !invoked.getDeclaringClass().getName().startsWith(LANGCHAIN4J_CLIENTS)) {
            return null;
        }
        return new ProviderHttpException(response.getStatus(),
                RetryAfterHeader.read(response::getHeaderString, Clock.systemUTC()), body(response));
    }

    @Override
    public int getPriority() {
        return Priorities.USER - 100;
    }

    private static String body(Response response) {
        try {
            String body = response.readEntity(String.class);
            if (body == null) {
                return "";
            }
            String flat = body.strip().replaceAll("\\s+", " ");
            return flat.length() > MAX_BODY ? flat.substring(0, MAX_BODY) + "…" : flat;
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
