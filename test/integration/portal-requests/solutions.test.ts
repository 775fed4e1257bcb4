/**
 * Proposing a solution requires the solution: the engineer's text (and optionally a file of the request) is stored
 * with each proposal and shown to the customer; a rejection requires the customer's reason, which the engineer then
 * reads; a request proposed, rejected and proposed again keeps every round. Refusals change nothing.
 */
import { expect, it } from 'vitest';
import type { Attachment, ServiceRequest, ServiceRequestDetail } from '../../../shared/contracts/requests.js';
import { coded, describePortal, ENGINEER, NW_ADMIN } from '../portal-api/harness.js';
import { A_SOLUTION, act, expectOk, openRequest, requestBody, Sessions } from './support.js';

describePortal('solutions proposed on a request', (t) => {
  const s = new Sessions(t);

  /** A request the demo engineer accepted and works on. */
  async function inProgress(): Promise<ServiceRequest> {
    const created = await openRequest(
      t,
      await s.token(NW_ADMIN),
      requestBody({ faultDescription: 'The atlas service stops every night.' }),
    );
    const engineer = await s.token(ENGINEER);
    await expectOk(act(t, engineer, created.id, 'accept'));
    return expectOk(act(t, engineer, created.id, 'start-work'));
  }

  const detailAs = async (email: string, id: string) =>
    expectOk(t.request<ServiceRequestDetail>('GET', `/api/v1/requests/${id}`, { token: await s.token(email) }));

  it('refuses a proposal without its text, or with a blank one, and changes nothing', async () => {
    const r = await inProgress();
    const engineer = await s.token(ENGINEER);
    for (const note of [{}, { solution: { text: '' } }, { solution: { text: ' \n\t ' } }]) {
      const refused = await act(t, engineer, r.id, 'propose-solution', note);
      expect(refused.status).toBe(400);
      expect(coded(refused)).toMatchObject({
        code: 'SOLUTION_REQUIRED',
        message: expect.stringMatching(/without saying what it is/),
      });
    }
    const detail = await detailAs(NW_ADMIN, r.id);
    expect(detail).toMatchObject({ state: 'in-progress', solutions: [] });
    expect(detail.updatedAt).toBe(r.updatedAt);
  });

  it('stores the solution with its file and shows it to the customer above confirm and reject', async () => {
    const r = await inProgress();
    const engineer = await s.token(ENGINEER);
    const file = await expectOk(
      t.request<Attachment>('POST', `/api/v1/requests/${r.id}/attachments`, {
        token: engineer,
        body: {
          fileName: 'fix-agent.txt',
          contentType: 'text/plain',
          dataBase64: Buffer.from('systemctl stop atlas-agent\n').toString('base64'),
        },
      }),
    );
    // A file of another request (or none at all) is refused, and nothing is proposed.
    const stranger = await act(t, engineer, r.id, 'propose-solution', {
      solution: { text: 'Use the attached script.', attachmentId: 'no-such-attachment' },
    });
    expect(stranger.status).toBe(404);
    expect(coded(stranger).code).toBe('NOT_FOUND');
    expect((await detailAs(NW_ADMIN, r.id)).state).toBe('in-progress');

    const proposed = await expectOk(
      act(t, engineer, r.id, 'propose-solution', {
        solution: { text: 'Stop the atlas-agent service with the attached script.', attachmentId: file.id },
      }),
    );
    expect(proposed.state).toBe('solution-proposed');
    const seen = await detailAs(NW_ADMIN, r.id);
    expect(seen.allowedActions).toEqual(['reject-solution', 'confirm']);
    expect(seen.solutions).toEqual([
      expect.objectContaining({
        round: 1,
        text: 'Stop the atlas-agent service with the attached script.',
        attachmentId: file.id,
        outcome: 'pending',
        rejectionReason: null,
      }),
    ]);
  });

  it('requires a reason to reject, records it for the engineer, and keeps every round through to confirmation', async () => {
    const r = await inProgress();
    const engineer = await s.token(ENGINEER);
    const customer = await s.token(NW_ADMIN);
    await expectOk(act(t, engineer, r.id, 'propose-solution', A_SOLUTION));

    for (const note of [{}, { reason: '   ' }]) {
      const refused = await act(t, customer, r.id, 'reject-solution', note);
      expect(refused.status).toBe(400);
      expect(coded(refused).code).toBe('REJECTION_REASON_REQUIRED');
    }
    expect(await detailAs(NW_ADMIN, r.id)).toMatchObject({
      state: 'solution-proposed',
      solutions: [expect.objectContaining({ outcome: 'pending' })],
    });
    // A reason belongs to a rejection only.
    const confirmWithReason = await act(t, customer, r.id, 'confirm', { reason: 'It works.' });
    expect(coded(confirmWithReason).code).toBe('ACTION_NOTE_NOT_EXPECTED');

    await expectOk(act(t, customer, r.id, 'reject-solution', { reason: 'The service starts again after a minute.' }));
    const engineerSees = await detailAs(ENGINEER, r.id);
    expect(engineerSees.state).toBe('in-progress');
    expect(engineerSees.solutions).toEqual([
      expect.objectContaining({
        round: 1,
        outcome: 'rejected',
        rejectionReason: 'The service starts again after a minute.',
        decidedAt: expect.any(String),
      }),
    ]);

    await expectOk(
      act(t, engineer, r.id, 'propose-solution', { solution: { text: 'Disable the atlas-agent unit, then stop it.' } }),
    );
    await expectOk(act(t, customer, r.id, 'confirm'));
    const rounds = (await detailAs(NW_ADMIN, r.id)).solutions;
    expect(rounds.map((x) => [x.round, x.outcome, x.text])).toEqual([
      [1, 'rejected', A_SOLUTION.solution.text],
      [2, 'confirmed', 'Disable the atlas-agent unit, then stop it.'],
    ]);
  });
});
