/** The browser's service worker container as a pane sees it (panes/shared/offlineCopy.ts). */
export class FakeServiceWorker {
  readonly messages: unknown[] = [];
  postMessage(message: unknown): void {
    this.messages.push(message);
  }
}

export class FakeServiceWorkerContainer {
  /** Set when the page came through a worker (an open after the first). */
  controller: ServiceWorker | null = null;
  readonly registered: string[] = [];
  readonly active = new FakeServiceWorker();
  waiting: FakeServiceWorker | null = null;
  /** Why register() fails (a private window, a client that forbids workers); undefined: it works. */
  refuse: Error | undefined;
  /** Answers register() with nothing, as a host that blocks workers may (Playwright's serviceWorkers: "block"). */
  answersNothing = false;

  // Live, as the browser's: a build that installs later shows in `waiting`.
  private readonly registration = ((container: FakeServiceWorkerContainer) => ({
    active: container.active as unknown as ServiceWorker,
    get waiting() {
      return container.waiting as unknown as ServiceWorker | null;
    },
  }))(this);

  get ready(): Promise<ServiceWorkerRegistration> {
    return Promise.resolve(this.registration as unknown as ServiceWorkerRegistration);
  }

  async register(url: string | URL): Promise<ServiceWorkerRegistration> {
    this.registered.push(String(url));
    if (this.refuse) throw this.refuse;
    if (this.answersNothing) return undefined as unknown as ServiceWorkerRegistration;
    return this.registration as unknown as ServiceWorkerRegistration;
  }

  /** As if the page had been served by the worker. */
  controlled(): this {
    this.controller = {} as ServiceWorker;
    return this;
  }
}
