package vn.partyledger.api.oversight;

/** Which record an oversight case requests or an inspector read: an organisation's history or a member's dossier. */
public enum RequestedRecord {
    ORGANIZATION_HISTORY, MEMBER_DOSSIER, BUNDLE
}
