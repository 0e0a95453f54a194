package vn.partyledger.ops.dashboard;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.partyledger.api.member.EnrollExistingMember;
import vn.partyledger.api.organization.OrganizationTree;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.command.directory.MemberDirectory;
import vn.partyledger.ops.web.Commands;
import vn.partyledger.ops.web.UnknownResourceException;

/**
 * Roll import: a dry run that lists every bad row with its reason, then the import as enrolments, a chunk of rows per
 * request with the progress shown between chunks. The position is kept in the session, so a dropped connection
 * resumes where it stopped; and a row whose member is already stored is counted, not sent again, so re-running a whole
 * file stores nothing twice.
 */
@Controller
class RollImportPages extends Pages {

    /** Rows per request: small enough that a chunk finishes well within a slow connection's timeout. */
    static final int CHUNK = 25;
    private static final String JOBS = RollImportPages.class.getName() + ".jobs";

    private final Commands commands;
    private final Organizations organizations;
    private final MemberDirectory members;
    private final Labels labels;
    private final BusinessDay day;

    RollImportPages(Commands commands, Organizations organizations, MemberDirectory members,
                    Labels labels, BusinessDay day) {
        this.commands = commands;
        this.organizations = organizations;
        this.members = members;
        this.labels = labels;
        this.day = day;
    }

    /** One import in progress; held in the user's session. */
    static final class Job {
        final String id;
        final String communeId;
        final String fileName;
        final List<RollImport.Row> rows;
        final List<RollImport.Bad> failed = new ArrayList<>();
        final LocalDate occurredOn;
        int next;
        int stored;
        int alreadyStored;

        Job(String id, String communeId, String fileName, List<RollImport.Row> rows, LocalDate occurredOn) {
            this.id = id;
            this.communeId = communeId;
            this.fileName = fileName;
            this.rows = rows;
            this.occurredOn = occurredOn;
        }

        public String getId() {
            return id;
        }

        public String getCommuneId() {
            return communeId;
        }

        public int getTotal() {
            return rows.size();
        }

        public int getDone() {
            return next;
        }

        public int getStored() {
            return stored;
        }

        public int getAlreadyStored() {
            return alreadyStored;
        }

        public List<RollImport.Bad> getFailed() {
            return failed;
        }

        public boolean isFinished() {
            return next >= rows.size();
        }

        public int getPercent() {
            return rows.isEmpty() ? 100 : 100 * next / rows.size();
        }
    }

    @GetMapping("/web/organizations/{id}/roll-import")
    String form(@PathVariable String id, Model model) {
        OrganizationView org = organizations.view(id, day.today());
        model.addAttribute("org", org);
        return "roll-import";
    }

    @PostMapping("/web/organizations/{id}/roll-import")
    String upload(@PathVariable String id, @RequestParam("file") MultipartFile file,
                  @RequestParam(defaultValue = "dry-run") String action, HttpSession session, Model model)
            throws IOException {
        LocalDate today = day.today();
        OrganizationView org = organizations.view(id, today);
        RollImport.Checked checked;
        try (InputStream in = file.getInputStream()) {
            checked = RollImport.check(id, Spreadsheets.read(file.getOriginalFilename(), in), cells(id, today), today,
                    labels::of);
        } catch (IOException | RuntimeException unreadable) {
            model.addAttribute("org", org);
            model.addAttribute("unreadable", labels.of("import.unreadable", file.getOriginalFilename()));
            return "roll-import";
        }
        if (!"import".equals(action) || !checked.bad().isEmpty()) {
            model.addAttribute("org", org);
            model.addAttribute("checked", checked);
            model.addAttribute("fileName", file.getOriginalFilename());
            return "roll-import";
        }
        Job job = new Job(UUID.randomUUID().toString(), id, file.getOriginalFilename(), checked.rows(), today);
        jobs(session).put(job.id, job);
        return "redirect:/web/imports/" + job.id;
    }

    @GetMapping("/web/imports/{jobId}")
    String progress(@PathVariable String jobId, HttpSession session, Model model) {
        Job job = job(session, jobId);
        model.addAttribute("job", job);
        model.addAttribute("org", organizations.view(job.communeId, job.occurredOn));
        return "roll-import-progress";
    }

    @PostMapping("/web/imports/{jobId}/next")
    String next(@PathVariable String jobId, HttpSession session) {
        Job job = job(session, jobId);
        synchronized (job) {
            int end = Math.min(job.rows.size(), job.next + CHUNK);
            while (job.next < end) {
                enrol(job, job.rows.get(job.next));
                job.next++;
            }
        }
        return "redirect:/web/imports/" + jobId;
    }

    private void enrol(Job job, RollImport.Row row) {
        if (members.find(row.memberId()).isPresent()) {
            job.alreadyStored++;
            return;
        }
        try {
            commands.send(new EnrollExistingMember(row.memberId(), row.cellId(), row.fullName(), row.birthDate(),
                    row.gender(), null, null, row.admittedOn(), row.admittedOn(), row.officialOn(), null,
                    labels.of("import.source", job.fileName), job.occurredOn), null);
            job.stored++;
        } catch (RuntimeException e) {
            var refusal = FormErrors.refusal(e);
            if (refusal.isPresent()) {
                FormErrors errors = new FormErrors();
                errors.add(refusal.get(), labels);
                job.failed.add(new RollImport.Bad(row.line(), row.fullName(), String.join(" ",
                        errors.byField().values())));
            } else if (members.find(row.memberId()).isPresent()) {
                // the same row stored by a concurrent run of the same file: the event store's unique key caught it
                job.alreadyStored++;
            } else {
                throw e;
            }
        }
    }

    private Map<String, String> cells(String communeId, LocalDate on) {
        Map<String, String> byName = new HashMap<>();
        for (OrganizationTree.Node cell : organizations.cells(communeId, on)) {
            byName.put(RollImport.normalise(cell.name()), cell.organizationId());
        }
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Job> jobs(HttpSession session) {
        Map<String, Job> jobs = (Map<String, Job>) session.getAttribute(JOBS);
        if (jobs == null) {
            jobs = new java.util.concurrent.ConcurrentHashMap<>();
            session.setAttribute(JOBS, jobs);
        }
        return jobs;
    }

    private static Job job(HttpSession session, String jobId) {
        Job job = jobs(session).get(jobId);
        if (job == null) {
            throw new UnknownResourceException("no import " + jobId + " in this session");
        }
        return job;
    }
}
