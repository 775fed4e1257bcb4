/** Settings, reachable signed in or out (the portal, proxy and trust must be right before signing in). */
import { MailChoices } from './MailChoices.js';
import { SettingsForm } from './SettingsForm.js';
import { SupportBundle } from './SupportBundle.js';
import { ShortcutList } from './ShortcutList.js';

export function SettingsScreen() {
  return (
    <div className="screen" data-testid="settings-screen">
      <SettingsForm />
      <MailChoices />
      <SupportBundle />
      <ShortcutList />
    </div>
  );
}
