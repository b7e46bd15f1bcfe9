package vn.dvcassistant.app.admin;

/**
 * One line of the content page's language-model table: how an entry was answered while a model was configured.
 *
 * @param reasons why the template was sent instead, in words with counts ("quá thời gian chờ: 2; ...")
 */
public record ComposerRow(String topicId, String title, long byModel, long byTemplate, String reasons) {
}
