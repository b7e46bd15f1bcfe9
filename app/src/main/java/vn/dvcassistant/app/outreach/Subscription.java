package vn.dvcassistant.app.outreach;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** An active subscription: {@code fields} empty means every field; {@code commune} an agency code or null. */
record Subscription(String channel, List<String> fields, @Nullable String commune) {

    Subscription {
        fields = List.copyOf(fields);
    }
}
