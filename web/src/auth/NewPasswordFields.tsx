// Choosing a new password, as the invitation and the password-reset screens ask for it: typed
// twice, with the server's minimum length known here so the button waits until it can succeed.
import { PasswordInput } from "@mantine/core";

/** The shortest password the server accepts (PASSWORD_MIN in src/modules/identity/model.ts). */
export const PASSWORD_MIN = 12;

/** Both fields filled in alike and long enough: the form may be sent. */
export function newPasswordReady(password: string, repeat: string): boolean {
  return password.length >= PASSWORD_MIN && password === repeat;
}

export function NewPasswordFields(props: {
  label: string;
  repeatLabel: string;
  password: string;
  repeat: string;
  onPasswordChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  autoFocus?: boolean;
}) {
  const { password, repeat } = props;
  return (
    <>
      <PasswordInput
        label={props.label}
        description={`At least ${PASSWORD_MIN} characters; not your e-mail address or a common password.`}
        required
        autoComplete="new-password"
        value={password}
        onChange={(e) => props.onPasswordChange(e.currentTarget.value)}
        autoFocus={props.autoFocus}
      />
      <PasswordInput
        label={props.repeatLabel}
        required
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => props.onRepeatChange(e.currentTarget.value)}
        error={repeat && repeat !== password ? "The passwords differ" : undefined}
      />
    </>
  );
}
