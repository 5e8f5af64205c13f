"""The search worker reads the index itself (issue 22, point 2). docs/js/search-on-intent.js starts it named
"opsc-index": it fetches search/search_index.json, beside it, as it starts, and indexes it while Material's
page is still busy starting; it says it is ready when the page asks (message INDEX), as Material's setup
would have it say. If it cannot read the index it says so (INDEX_FAILED) and the page sends Material's own
request, which the worker is then set up with as Material sets it up."""

PROTOCOL = """async () => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base, location.href);
  const next = worker => new Promise(resolve => { worker.onmessage = event => resolve(event.data); });
  const ask = async (worker, message) => { const answer = next(worker); worker.postMessage(message); return answer; };
  const index = name => ({type: "opsc-index", url: new URL("search/" + name, base).href});
  // Not named: it reads nothing before it is asked; asked for a file that is not there, it says so.
  const plain = new Worker(new URL(config.search, base));
  const failed = (await ask(plain, index("missing.json"))).type;
  // Then set up as Material sets it up, it answers.
  const docs = await (await fetch(new URL("search/search_index.json", base))).json();
  const setup = (await ask(plain, {type: 0, data: {config: docs.config, docs: docs.docs, options: {}}})).type;
  const afterSetup = (await ask(plain, {type: 2, data: "grooming"})).data.items[0][0].location;
  plain.terminate();
  // Named: it has read the index as it started, and is ready when asked.
  const named = new Worker(new URL(config.search, base), {name: "opsc-index"});
  const ready = (await ask(named, index("search_index.json"))).type;
  const first = (await ask(named, {type: 2, data: "grooming"})).data.items[0][0].location;
  named.terminate();
  return {failed, setup, afterSetup, ready, first};
}"""


def test_the_worker_reads_the_index_itself_and_says_when_it_cannot(page, server):
    page.goto(server + "/")
    out = page.evaluate(PROTOCOL)
    assert out["failed"] == "opsc-index-failed"
    assert out["setup"] == 1 and out["ready"] == 1  # Material's READY
    assert out["afterSetup"].startswith("paragraphs/68/") and out["first"].startswith("paragraphs/68/")


def test_when_the_worker_cannot_read_the_index_materials_request_goes(page, server):
    refused = []

    def refuse_the_first(route):
        if refused:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.fulfill(status=503, body="")
    page.route("**/search/search_index.json", refuse_the_first)
    page.goto(server + "/paragraphs/42/")
    page.wait_for_load_state("networkidle")
    assert refused == []
    page.keyboard.press("/")
    page.keyboard.type("grooming")
    page.wait_for_function("() => [...document.querySelectorAll('.md-search-result__item a')]"
                           ".some(a => a.getAttribute('href').includes('paragraphs/68/'))", timeout=15000)
    assert len(refused) == 1
