// Open Akkoord Assen: progressive enhancement only. Every page works without this script.
'use strict'

;(() => {
  /**
   * Live search: as the user types, asks the site's own search page (the same
   * hits, titles and snippets as without JavaScript) and puts its outcome in
   * place of the old one: on /zoeken the page's results region, elsewhere the
   * box under the search field. Only the answer to the latest request is shown.
   */
  function liveSearch(form) {
    const input = form.querySelector('input[name="q"]')
    const pageOutcome = document.querySelector('[data-search-outcome]')
    const results = pageOutcome || form.querySelector('[data-search-results]')
    let timer
    let latest = 0
    const render = (html) => { results.innerHTML = html }
    async function search() {
      const q = input.value.trim()
      const ticket = ++latest
      const url = q ? `/zoeken?q=${encodeURIComponent(q)}` : '/zoeken'
      // On the search page an empty box brings back its guidance; under other boxes, too short a word shows nothing.
      if (pageOutcome) history.replaceState(null, '', url)
      else if (q.length < 2) return render('')
      try {
        const response = await fetch(url, { headers: { accept: 'text/html' } })
        const page = new DOMParser().parseFromString(await response.text(), 'text/html')
        if (ticket !== latest) return
        const outcome = page.querySelector('[data-search-outcome]')
        if (!outcome) throw new Error('no search outcome')
        if (!pageOutcome) {
          // Under a search box elsewhere: the first ten hits, and a link to the rest.
          outcome.querySelectorAll('ol.hits > li:nth-child(n+11)').forEach((li) => li.remove())
          const heading = outcome.querySelector('h2')
          if (heading) {
            const summary = document.createElement('p')
            const strong = summary.appendChild(document.createElement('strong'))
            strong.textContent = heading.textContent
            const link = Object.assign(document.createElement('a'), { href: `/zoeken?q=${encodeURIComponent(q)}`, textContent: 'Naar de zoekpagina' })
            summary.append('. ', link)
            heading.replaceWith(summary)
          }
        }
        render(outcome.innerHTML)
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
