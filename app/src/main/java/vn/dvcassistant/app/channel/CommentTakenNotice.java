package vn.dvcassistant.app.channel;

import vn.dvcassistant.channel.Channel;

/**
 * What a channel adds to the reply when a comment is taken in its chat with consent to be answered there
 * (Zalo: where and when the answer can reach the citizen). Implemented in the channel's package.
 */
public interface CommentTakenNotice {

    Channel channel();

    String text();
}
