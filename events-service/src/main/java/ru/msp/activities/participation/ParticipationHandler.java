package ru.msp.activities.participation;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import ru.msp.support.tenancy.TenantScope;

/** Attendance, completions and competition results of an activity. */
@RestController
@RequestMapping("/api/activities/{activityId}")
class ParticipationHandler {

    private final ParticipationRecorder recorder;

    ParticipationHandler(ParticipationRecorder recorder) {
        this.recorder = recorder;
    }

    /** Bulk: 200 with a report of every row, rejected rows with their reasons. */
    @PostMapping("/attendance")
    Mono<AttendanceReport> attendance(@PathVariable String activityId, @RequestBody List<AttendanceRow> rows) {
        return TenantScope.current().flatMap(scope -> recorder.attendance(scope, activityId, rows));
    }

    @GetMapping("/attendance")
    Flux<ParticipationView> attendanceList(@PathVariable String activityId) {
        return TenantScope.current().flatMapMany(scope -> recorder.list(scope, activityId, "ATTENDANCE"));
    }

    @PostMapping("/completions")
    Mono<ResponseEntity<ParticipationView>> complete(
            @PathVariable String activityId, @Valid @RequestBody CompletionRequest body) {
        return TenantScope.current()
                .flatMap(scope -> recorder.complete(scope, activityId, body))
                .map(ParticipationHandler::created);
    }

    @GetMapping("/completions")
    Flux<ParticipationView> completions(@PathVariable String activityId) {
        return TenantScope.current().flatMapMany(scope -> recorder.list(scope, activityId, "COMPLETION"));
    }

    @PostMapping("/results")
    Mono<ResponseEntity<ParticipationView>> result(
            @PathVariable String activityId, @Valid @RequestBody ResultRequest body) {
        return TenantScope.current()
                .flatMap(scope -> recorder.result(scope, activityId, body))
                .map(ParticipationHandler::created);
    }

    @GetMapping("/results")
    Flux<ParticipationView> results(@PathVariable String activityId) {
        return TenantScope.current().flatMapMany(scope -> recorder.list(scope, activityId, "RESULT"));
    }

    /** 201 for a new fact, 200 for a repeated or corrected one. */
    private static ResponseEntity<ParticipationView> created(ParticipationView view) {
        HttpStatus status = view.result() == ParticipationLedger.Outcome.RECORDED ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(view);
    }
}
