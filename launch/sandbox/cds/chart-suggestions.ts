import type { CdsFeedbackEntry } from '../../../core/cds-hooks/feedback';
import type { ChartContext, HookResult, ServiceCard } from './cds-client';

/** A card as the chart's script shows it: text only, actions by index, no service internals. */
export interface SuggestionView {
  summary: string;
  detail?: string;
  indicator: 'info' | 'warning' | 'critical';
  source: { label: string; url?: string };
  /** Smart links this EHR can launch, by index into the card's links. */
  smartLinks: { index: number; label: string }[];
  absoluteLinks: { label: string; url: string }[];
  /** Dismiss reasons by index into the card's overrideReasons. */
  overrideReasons: { index: number; display: string }[];
}

export type SuggestionsView =
  { status: 'ok'; cards: { id: number; card: SuggestionView }[] } | { status: 'unavailable' };

export interface ChartSuggestionsDeps {
  client: {
    callPatientView(chart: ChartContext): Promise<HookResult>;
    sendFeedback(serviceId: string, feedback: CdsFeedbackEntry[]): Promise<boolean>;
  };
  /** Registers an EHR launch; undefined when the context is no longer known. */
  createLaunch(context: {
    patient: string;
    encounter?: string;
    practitioner: string;
    appContext?: string;
  }): Promise<string | undefined>;
  /** Builds the sidebar's src for a smart link's URL and a launch id. */
  launchSrc(url: string, launchId: string): string;
  /** Only apps registered with this EHR are launched (here: the Chartside app's origin). */
  appOrigin: string;
  now?: () => number;
}

interface ChartView {
  context: ChartContext;
  result?: Promise<HookResult>;
  dismissed: Set<number>;
  expiresAt: number;
}

const VIEW_TTL_MS = 60 * 60_000;
const MAX_VIEWS = 500;

/**
 * The CDS cards of each chart the sandbox has shown: the hook is called once per chart view,
 * and the browser refers to cards and links by index, so it can neither forge a launch's
 * context nor name a URL to frame.
 */
export class ChartSuggestions {
  private readonly views = new Map<string, ChartView>();
  private readonly now: () => number;

  constructor(private readonly deps: ChartSuggestionsDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Remembers one chart view (a page load); its id goes into the page. */
  openView(context: ChartContext): string {
    for (const [id, view] of this.views) {
      if (view.expiresAt < this.now() || this.views.size >= MAX_VIEWS) this.views.delete(id);
    }
    const id = crypto.randomUUID();
    this.views.set(id, { context, dismissed: new Set(), expiresAt: this.now() + VIEW_TTL_MS });
    return id;
  }

  /** The view's cards, calling `patient-view` the first time (CDS Hooks Library 1.0.1). */
  async cards(viewId: string): Promise<SuggestionsView | undefined> {
    const view = this.view(viewId);
    if (!view) return undefined;
    view.result ??= this.deps.client.callPatientView(view.context);
    const result = await view.result;
    if (result.status === 'unavailable') return result;
    return {
      status: 'ok',
      cards: result.cards
        .map((card, id) => ({ id, card: this.toView(card) }))
        .filter(({ id }) => !view.dismissed.has(id)),
    };
  }

  /**
   * Follows a card's smart link (CDS Hooks 2.0.1 §Link: `appContext` into the launch) and
   * reports the card `accepted`; answers the sidebar's new src.
   */
  async open(viewId: string, cardId: number, linkIndex: number): Promise<string | undefined> {
    const view = this.view(viewId);
    const found = await this.card(view, cardId);
    const link = found?.card.links?.[linkIndex];
    if (!view || !found || !link || !this.launchable(link)) return undefined;
    const { patientId, encounterId, practitionerId } = view.context;
    const launchId = await this.deps.createLaunch({
      patient: patientId,
      practitioner: practitionerId,
      ...(encounterId !== undefined && { encounter: encounterId }),
      ...(link.appContext !== undefined && { appContext: link.appContext }),
    });
    if (launchId === undefined) return undefined;
    void this.feedback(found, { outcome: 'accepted' });
    return this.deps.launchSrc(link.url, launchId);
  }

  /** Dismisses a card: CDS Hooks 2.0.1 §Feedback `overridden`, with the reason when chosen. */
  async dismiss(
    viewId: string,
    cardId: number,
    reasonIndex?: number,
  ): Promise<'sent' | 'not-sent' | 'unknown'> {
    const view = this.view(viewId);
    const found = await this.card(view, cardId);
    const reasons = found?.card.overrideReasons ?? [];
    const reason = reasonIndex === undefined ? undefined : reasons[reasonIndex];
    if (!view || !found || (reasonIndex !== undefined && reason === undefined)) return 'unknown';
    view.dismissed.add(cardId);
    const sent = await this.feedback(found, {
      outcome: 'overridden',
      ...(reason && {
        overrideReason: {
          reason: {
            code: reason.code,
            ...(reason.system !== undefined && { system: reason.system }),
            ...(reason.display !== undefined && { display: reason.display }),
          },
        },
      }),
    });
    return sent ? 'sent' : 'not-sent';
  }

  private view(viewId: string): ChartView | undefined {
    const view = this.views.get(viewId);
    return view && view.expiresAt >= this.now() ? view : undefined;
  }

  private async card(view: ChartView | undefined, id: number): Promise<ServiceCard | undefined> {
    const result = await view?.result;
    return result?.status === 'ok' && !view?.dismissed.has(id) ? result.cards[id] : undefined;
  }

  private launchable(link: { type: string; url: string }): boolean {
    return link.type === 'smart' && new URL(link.url).origin === this.deps.appOrigin;
  }

  private async feedback(
    { serviceId, card }: ServiceCard,
    entry: Pick<CdsFeedbackEntry, 'outcome' | 'overrideReason'>,
  ): Promise<boolean> {
    // A card without a uuid cannot be named in feedback (CDS Hooks 2.0.1 §Card attributes).
    if (card.uuid === undefined) return false;
    const outcomeTimestamp = new Date(this.now()).toISOString();
    return this.deps.client.sendFeedback(serviceId, [
      { card: card.uuid, ...entry, outcomeTimestamp },
    ]);
  }

  private toView({ card }: ServiceCard): SuggestionView {
    const links = card.links ?? [];
    return {
      summary: card.summary,
      ...(card.detail !== undefined && { detail: card.detail }),
      indicator: card.indicator,
      source: {
        label: card.source.label,
        ...(card.source.url !== undefined && { url: card.source.url }),
      },
      smartLinks: links.flatMap((link, index) =>
        this.launchable(link) ? [{ index, label: link.label }] : [],
      ),
      absoluteLinks: links
        .filter((link) => link.type === 'absolute')
        .map(({ label, url }) => ({ label, url })),
      overrideReasons: (card.overrideReasons ?? []).map((reason, index) => ({
        index,
        display: reason.display ?? reason.code,
      })),
    };
  }
}
