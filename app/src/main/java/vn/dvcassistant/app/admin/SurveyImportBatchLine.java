package vn.dvcassistant.app.admin;

/** An imported survey batch as listed: its file, one line saying who imported it, when and how many, its button's label. */
public record SurveyImportBatchLine(String id, String fileName, String line, String removeLabel) {
}
