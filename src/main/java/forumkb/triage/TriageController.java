package forumkb.triage;

import forumkb.account.Role;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/triage {"text": …}}: ranked known issues and threads, each with why. */
@RestController
class TriageController {

    private final TriageService triage;

    TriageController(TriageService triage) {
        this.triage = triage;
    }

    record TriageRequest(String text) {
    }

    @PostMapping("/api/triage")
    TriageResult triage(@RequestBody TriageRequest request, Authentication viewer) {
        return triage.triage(request == null ? null : request.text(), Role.staff(viewer));
    }
}
