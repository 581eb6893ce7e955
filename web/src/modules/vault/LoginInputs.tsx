// The inputs a login is made of, the same in every vault form (a login added or changed, a
// request to the client, the client's answer): site, address, username and password, each bound
// to its value and showing the server's refusal under it.
import { PasswordInput, TextInput } from "@mantine/core";

interface Bound {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

export function SiteInput({ value, onChange, error }: Bound) {
  return (
    <TextInput
      label="Site"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

export function AddressInput({ value, onChange, error }: Bound) {
  return (
    <TextInput
      label="Address"
      placeholder="https://"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

export function UsernameInput({ value, onChange, error, required = false }: Bound & { required?: boolean }) {
  return (
    <TextInput
      label="Username"
      required={required}
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** The password itself: never filled in by the browser's saved passwords. */
export function SecretInput({
  value,
  onChange,
  error,
  required = false,
  description,
}: Bound & { required?: boolean; description?: string | undefined }) {
  return (
    <PasswordInput
      label="Password"
      required={required}
      autoComplete="new-password"
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
