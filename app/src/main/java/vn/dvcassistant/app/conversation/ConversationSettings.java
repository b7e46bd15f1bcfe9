package vn.dvcassistant.app.conversation;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * @param provinceName       the province shown in the fallback reply
 * @param provinceHotline    the province's hotline shown in the fallback reply; left out when blank
 * @param defaultSuggestions topic ids offered before anyone has asked anything
 * @param suggestionCount    how many topics a greeting or help reply offers
 * @param followUpConfidence confidence reported when a facet question is answered from the previous topic
 * @param popularTopicsRefresh how long the most asked topics are counted once and reused (see {@link MostAskedTopics})
 */
@ConfigurationProperties("dvc.conversation")
public record ConversationSettings(
        @Bindable(defaultValue = "") String provinceName,
        @Bindable(defaultValue = "") String provinceHotline,
        @Bindable(defaultValue = "the-can-cuoc,dang-ky-khai-sinh,tai-khoan-vneid,tra-cuu-ho-so,dang-ky-ket-hon")
        List<String> defaultSuggestions,
        @Bindable(defaultValue = "4") int suggestionCount,
        @Bindable(defaultValue = "0.8") double followUpConfidence,
        @Bindable(defaultValue = "10m") Duration popularTopicsRefresh) {
}
