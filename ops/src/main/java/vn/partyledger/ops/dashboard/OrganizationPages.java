package vn.partyledger.ops.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.partyledger.api.member.CandidateList;
import vn.partyledger.api.member.FindCandidates;
import vn.partyledger.api.member.MemberView;
import vn.partyledger.api.organization.FindOrganizationTree;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.organization.OrganizationTree;
import vn.partyledger.api.organization.RollCounts;
import vn.partyledger.api.organization.RollView;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.ops.security.CurrentActor;
import vn.partyledger.ops.security.Grant;
import vn.partyledger.ops.security.Permission;
import vn.partyledger.ops.security.LedgerPrincipal;

/** The organisation tree with counts by status as of a date, and an organisation's roll. */
@Controller
class OrganizationPages extends Pages {

    private final QueryGateway queries;
    private final OrganizationDirectory directory;
    private final Organizations organizations;
    private final Labels labels;
    private final BusinessDay day;

    OrganizationPages(QueryGateway queries, OrganizationDirectory directory,
                      Organizations organizations, Labels labels, BusinessDay day) {
        this.queries = queries;
        this.organizations = organizations;
        this.directory = directory;
        this.labels = labels;
        this.day = day;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/web/organizations";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** A row of the tree table with what the page needs for links and indentation. */
    record TreeRow(String organizationId, OrganizationLevel level, int depth) {
    }

    @GetMapping("/web/organizations")
    Object tree(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                @RequestParam(required = false) String format, Model model) {
        LocalDate on = asOf == null ? day.today() : asOf;
        List<OrganizationTree.Node> roots = new ArrayList<>();
        for (String scope : visibleRoots()) {
            OrganizationTree tree = queries.query(new FindOrganizationTree(scope, on),
                    ResponseTypes.instanceOf(OrganizationTree.class)).join();
            roots.addAll(tree.roots());
        }
        List<TreeRow> meta = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (OrganizationTree.Node root : roots) {
            flatten(root, 0, meta, rows);
        }
        Table table = new Table("tree", labels.of("tree.title"), List.of(labels.of("col.organization"),
                labels.of("col.level"), labels.of("col.official"), labels.of("col.probationary"),
                labels.of("col.fullyExempt"), labels.of("col.temporarilyExempt"), labels.of("col.suspended"),
                labels.of("col.transferredIn"), labels.of("col.transferredOut"), labels.of("col.onRoll")), rows);
        if (exporting(format)) {
            return export(table, format, "to-chuc");
        }
        model.addAttribute("asOf", on);
        model.addAttribute("table", table);
        model.addAttribute("meta", meta);
        return "tree";
    }

    @GetMapping("/web/organizations/{id}/roll")
    Object roll(@PathVariable String id,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                @RequestParam(required = false) String format, @RequestParam(required = false) String table,
                Model model) {
        LocalDate on = asOf == null ? day.today() : asOf;
        vn.partyledger.api.organization.OrganizationView org = organizations.view(id, on);
        String name = org.name();
        // each export reads only its own table
        if (exporting(format) && "candidates".equals(table)) {
            return export(candidateTable(name, candidates(id)), format, "quan-chung-uu-tu");
        }
        RollView roll = organizations.roll(id, on);
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (RollView.Entry e : roll.items()) {
            rows.add(List.of(n++, e.fullName(), labels.of(e.status()), date(e.admittedOn()), date(e.officialOn()),
                    labels.yesNo(e.fullyExempt()), labels.yesNo(e.suspended())));
        }
        Table members = new Table("roll", labels.of("roll.title", name), List.of(labels.of("col.no"),
                labels.of("col.fullName"), labels.of("col.status"), labels.of("col.admittedOn"),
                labels.of("col.officialOn"), labels.of("col.fullyExempt"), labels.of("col.suspended")), rows);
        if (exporting(format)) {
            return export(members, format, "danh-sach-dang-vien");
        }
        List<MemberView> candidates = candidates(id);
        model.addAttribute("organizationId", id);
        model.addAttribute("name", name);
        model.addAttribute("asOf", on);
        model.addAttribute("table", members);
        model.addAttribute("total", roll.total());
        model.addAttribute("memberIds", roll.items().stream().map(RollView.Entry::memberId).toList());
        model.addAttribute("level", org.level());
        model.addAttribute("statuses", roll.items().stream().map(RollView.Entry::status).toList());
        model.addAttribute("candidates", candidateTable(name, candidates));
        model.addAttribute("candidateIds", candidates.stream().map(MemberView::memberId).toList());
        return "roll";
    }

    /**
     * The people the secretary takes from candidate to member: not on the roll until their admission, so listed as
     * they are now whatever the date asked.
     */
    private List<MemberView> candidates(String id) {
        return queries.query(new FindCandidates(id), ResponseTypes.instanceOf(CandidateList.class)).join().items();
    }

    private Table candidateTable(String name, List<MemberView> candidates) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (MemberView m : candidates) {
            rows.add(List.of(n++, m.fullName(), date(m.birthDate()),
                    m.awarenessCertificateNo() == null ? "" : m.awarenessCertificateNo()));
        }
        return new Table("candidates", labels.of("candidates.title", name), List.of(labels.of("col.no"),
                labels.of("col.fullName"), labels.of("col.birthDate"), labels.of("col.awarenessCertificate")), rows);
    }

    private void flatten(OrganizationTree.Node node, int depth, List<TreeRow> meta, List<List<Object>> rows) {
        RollCounts c = node.subtreeCounts() != null ? node.subtreeCounts() : node.counts();
        if (c == null) {
            c = RollCounts.ZERO;
        }
        meta.add(new TreeRow(node.organizationId(), node.level(), depth));
        rows.add(List.of(node.name(), labels.of(node.level()), c.official(), c.probationary(), c.fullyExempt(),
                c.temporarilyExempt(), c.suspended(), c.temporarilyTransferredIn(), c.temporarilyTransferredOut(),
                c.onRoll()));
        for (OrganizationTree.Node child : node.children()) {
            flatten(child, depth + 1, meta, rows);
        }
    }

    /**
     * A ledger-wide grant sees every province; anyone else the subtrees their grants name (none counted twice) — only
     * grants whose role may read aggregates (AccessTable lets the page open for anyone holding one).
     */
    private Set<String> visibleRoots() {
        LedgerPrincipal principal = CurrentActor.principal();
        Set<String> roots = new LinkedHashSet<>();
        if (principal == null) {
            return roots;
        }
        List<Grant> grants = principal.grants().stream().filter(Permission.READ_AGGREGATE::allows).toList();
        for (Grant g : grants) {
            if (g.global()) {
                Set<String> all = new LinkedHashSet<>();
                all.add(null);
                return all;
            }
        }
        for (Grant g : grants) {
            boolean underAnother = directory.ancestors(g.organizationId()).stream().anyMatch(a -> grants
                    .stream().anyMatch(o -> a.equals(o.organizationId())));
            if (!underAnother) {
                roots.add(g.organizationId());
            }
        }
        return roots;
    }

    static Object date(LocalDate d) {
        return d == null ? "" : d;
    }
}
