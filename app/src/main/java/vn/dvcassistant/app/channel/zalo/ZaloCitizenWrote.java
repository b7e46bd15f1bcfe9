package vn.dvcassistant.app.channel.zalo;

/**
 * Published after a Zalo citizen's message was answered: the window is open again, so answers to their
 * comments kept until now can be sent.
 *
 * @param userId the citizen's Zalo user id
 */
public record ZaloCitizenWrote(String userId) {
}
