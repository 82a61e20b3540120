// Open Akkoord Assen: progressive enhancement only. Every page works without this script.
'use strict'

;(() => {
  const query = `query Zoeken($q: String!) {
    search(query: $q, first: 10) { totalCount edges { node { title path snippet item { __typename } } } }
  }`
  const kindLabels = {
    Theme: 'Thema', Topic: 'Onderwerp', Action: 'Afspraak', Target: 'Doel', BudgetLine: 'Begrotingsregel',
    Rule: 'Financiële spelregel', Section: 'Hoofdstuk', Portfolio: 'Wethouder', District: 'Wijk',
  }

  /** Live search: asks the GraphQL API as the user types, and shows the hits under the box. */
  function liveSearch(form) {
    const input = form.querySelector('input[name="q"]')
    const results = form.querySelector('[data-search-results]')
    let timer
    let latest = 0
    const render = (html) => { results.innerHTML = html }
    const escape = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    async function search() {
      const q = input.value.trim()
      const ticket = ++latest
      if (q.length < 2) return render('')
      try {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
          body: JSON.stringify({ query, variables: { q } }),
        })
        const body = await response.json()
        if (ticket !== latest) return
        if (body.errors) return render(`<p role="alert">${escape(body.errors[0].message)}</p>`)
        const { totalCount, edges } = body.data.search
        const more = totalCount > edges.length ? ` <a href="/zoeken?q=${encodeURIComponent(q)}">Alle ${totalCount} resultaten</a>` : ''
        render(`<p><strong>${totalCount === 0 ? 'Niets gevonden' : `${totalCount} ${totalCount === 1 ? 'resultaat' : 'resultaten'}`}</strong>.${more}</p>` +
          `<ol class="hits">${edges.map(({ node }) => `<li><span class="hit-kind">${escape(kindLabels[node.item.__typename] || '')}</span><br>` +
            `<a href="${escape(node.path)}">${escape(node.title)}</a><p>${node.snippet}</p></li>`).join('')}</ol>`)
      } catch {
        if (ticket === latest) render('<p role="alert">Zoeken lukt nu niet. Probeer het zo nog eens, of druk op Zoeken.</p>')
      }
    }
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 250) })
    form.addEventListener('submit', (event) => { event.preventDefault(); clearTimeout(timer); search() })
  }

  /** Report builder: shows the chosen report's HTML version in the preview as soon as it is chosen. */
  function reportPreview(form) {
    const select = form.querySelector('select[name="rapport"]')
    const preview = document.querySelector('[data-report-preview]')
    const frame = preview.querySelector('[data-preview-frame]')
    const pdf = preview.querySelector('[data-preview-pdf]')
    const show = () => {
      const option = select.selectedOptions[0]
      if (!option) return
      preview.hidden = false
      frame.src = option.dataset.html
      pdf.href = option.dataset.pdf
      pdf.textContent = `Download de PDF: ${option.textContent}`
    }
    select.addEventListener('change', show)
    show()
  }

  document.querySelectorAll('[data-live-search]').forEach(liveSearch)
  document.querySelectorAll('[data-report-builder]').forEach(reportPreview)
})()
