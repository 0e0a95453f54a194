package vn.partyledger.command.directory;

import java.util.Optional;

/** The cell whose record a task or a yearly commitment is, for access checks before a command is sent. */
public interface TaskDirectory {

    Optional<String> cellOfTask(String taskId);

    Optional<String> cellOfCommitment(String commitmentId);
}
