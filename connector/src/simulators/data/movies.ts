// Real movie metadata for the Radarr simulator's library and lookup results (TMDb/IMDb ids, years, studios).
export interface MovieMeta {
  tmdbId: number;
  title: string;
  year: number;
  imdbId: string;
  studio: string;
  runtime: number;
  genres: string[];
  certification: string;
  overview: string;
  posterPath: string;
}

const m = (tmdbId: number, title: string, year: number, imdbId: string, studio: string, runtime: number, genres: string[], certification: string, posterPath: string, overview: string): MovieMeta =>
  ({ tmdbId, title, year, imdbId, studio, runtime, genres, certification, posterPath, overview });

export const MOVIES: readonly MovieMeta[] = [
  m(841, "Dune", 1984, "tt0087182", "Dino De Laurentiis Company", 137, ["Action", "Science Fiction", "Adventure"], "PG-13", "/a3nDwAnKAl0jsSmsGaIK8ROPXjs.jpg", "In the year 10,191, the most precious substance in the universe is the spice Melange. Duke Leto Atreides and his family take over the desert planet Arrakis."),
  m(438631, "Dune", 2021, "tt1160419", "Legendary Pictures", 155, ["Science Fiction", "Adventure"], "PG-13", "/d5NXSklXo0qyIYkgV94XAgMIckC.jpg", "Paul Atreides, a brilliant and gifted young man born into a great destiny beyond his understanding, must travel to the most dangerous planet in the universe."),
  m(693134, "Dune: Part Two", 2024, "tt15239678", "Legendary Pictures", 167, ["Science Fiction", "Adventure"], "PG-13", "/1pdfLvkbY9ohJlCjQH2CZjjYVvJ.jpg", "Follow the mythic journey of Paul Atreides as he unites with Chani and the Fremen while on a path of revenge against the conspirators who destroyed his family."),
  m(603, "The Matrix", 1999, "tt0133093", "Warner Bros. Pictures", 136, ["Action", "Science Fiction"], "R", "/f89U3ADr1oiB1s9GkdPOEpXUk5H.jpg", "Set in the 22nd century, The Matrix tells the story of a computer hacker who joins a group of underground insurgents fighting the vast and powerful computers who now rule the earth."),
  m(27205, "Inception", 2010, "tt1375666", "Legendary Pictures", 148, ["Action", "Science Fiction", "Adventure"], "PG-13", "/oYuLEt3zVCKq57qu2F8dT7NIa6f.jpg", "Cobb, a skilled thief who commits corporate espionage by infiltrating the subconscious of his targets, is offered a chance to regain his old life."),
  m(157336, "Interstellar", 2014, "tt0816692", "Legendary Pictures", 169, ["Adventure", "Drama", "Science Fiction"], "PG-13", "/gEU2QniE6E77NI6lCU6MxlNBvIx.jpg", "The adventures of a group of explorers who make use of a newly discovered wormhole to surpass the limitations on human space travel."),
  m(155, "The Dark Knight", 2008, "tt0468569", "Warner Bros. Pictures", 152, ["Drama", "Action", "Crime"], "PG-13", "/qJ2tW6WMUDux911r6m7haRef0WH.jpg", "Batman raises the stakes in his war on crime, with the help of Lt. Jim Gordon and District Attorney Harvey Dent."),
  m(78, "Blade Runner", 1982, "tt0083658", "The Ladd Company", 118, ["Science Fiction", "Drama", "Thriller"], "R", "/63N9uy8nd9j7Eog2axPQ8lbr3Wj.jpg", "In the smog-choked dystopian Los Angeles of 2019, blade runner Rick Deckard is called out of retirement to terminate a quartet of replicants."),
  m(335984, "Blade Runner 2049", 2017, "tt1856101", "Alcon Entertainment", 164, ["Science Fiction", "Drama"], "R", "/gajva2L0rPYkEWjzgFlBXCAVBE5.jpg", "Thirty years after the events of the first film, a new blade runner, LAPD Officer K, unearths a long-buried secret."),
  m(329865, "Arrival", 2016, "tt2543164", "Paramount Pictures", 116, ["Drama", "Science Fiction", "Mystery"], "PG-13", "/x2FJsf1ElAgr63Y3PNPtJrcmpoe.jpg", "Taking place after alien crafts land around the world, an expert linguist is recruited by the military to determine whether they come in peace or are a threat."),
  m(496243, "Parasite", 2019, "tt6751668", "Barunson E&A", 133, ["Comedy", "Thriller", "Drama"], "R", "/7IiTTgloJzvGI1TAYymCfbfl3vT.jpg", "All unemployed, Ki-taek's family takes peculiar interest in the wealthy and glamorous Parks for their livelihood until they get entangled in an unexpected incident."),
  m(872585, "Oppenheimer", 2023, "tt15398776", "Universal Pictures", 181, ["Drama", "History"], "R", "/8Gxv8gSFCU0XGDykEGv7zR1n2ua.jpg", "The story of J. Robert Oppenheimer's role in the development of the atomic bomb during World War II."),
  m(545611, "Everything Everywhere All at Once", 2022, "tt6710474", "A24", 140, ["Action", "Adventure", "Science Fiction"], "R", "/u68AjlvlutfEIcpmbYpKcdi09ut.jpg", "An aging Chinese immigrant is swept up in an insane adventure, where she alone can save what's important to her by connecting with the lives she could have led in other universes."),
  m(76341, "Mad Max: Fury Road", 2015, "tt1392190", "Village Roadshow Pictures", 121, ["Action", "Adventure", "Science Fiction"], "R", "/hA2ple9q4qnwxp3hKVNhroipsir.jpg", "An apocalyptic story set in the furthest reaches of our planet, in a stark desert landscape where humanity is broken."),
  m(680, "Pulp Fiction", 1994, "tt0110912", "Miramax", 154, ["Thriller", "Crime"], "R", "/d5iIlFn5s0ImszYzBPb8JPIfbXD.jpg", "A burger-loving hit man, his philosophical partner, a drug-addled gangster's moll and a washed-up boxer converge in this sprawling, comedic crime caper."),
  m(278, "The Shawshank Redemption", 1994, "tt0111161", "Castle Rock Entertainment", 142, ["Drama", "Crime"], "R", "/q6y0Go1tsGEsmtFryDOJo3dEmqu.jpg", "Imprisoned in the 1940s for the double murder of his wife and her lover, upstanding banker Andy Dufresne begins a new life at the Shawshank prison."),
  m(550, "Fight Club", 1999, "tt0137523", "20th Century Fox", 139, ["Drama"], "R", "/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg", "A ticking-time-bomb insomniac and a slippery soap salesman channel primal male aggression into a shocking new form of therapy."),
  m(129, "Spirited Away", 2001, "tt0245429", "Studio Ghibli", 125, ["Animation", "Family", "Fantasy"], "PG", "/39wmItIWsg5sZMyRUHLkWBcuVCM.jpg", "A young girl, Chihiro, becomes trapped in a strange new world of spirits. When her parents undergo a mysterious transformation, she must call upon the courage she never knew she had."),
  m(348, "Alien", 1979, "tt0078748", "20th Century Fox", 117, ["Horror", "Science Fiction"], "R", "/vfrQk5IPloGg1v9Rzbh2Eg3VGyM.jpg", "During its return to the earth, commercial spaceship Nostromo intercepts a distress signal from a distant planet."),
  m(679, "Aliens", 1986, "tt0090605", "20th Century Fox", 137, ["Action", "Thriller", "Science Fiction"], "R", "/r1x5JGpyqZU8PYhbs4UcrO1Xb6x.jpg", "Ripley, the sole survivor of the Nostromo's deadly encounter with the monstrous Alien, returns to Earth after drifting through space in hypersleep for 57 years."),
  m(98, "Gladiator", 2000, "tt0172495", "DreamWorks Pictures", 155, ["Action", "Drama", "Adventure"], "R", "/ty8TGRuvJLPUmAR1H1nRIsgwvim.jpg", "In the year 180, the death of emperor Marcus Aurelius throws the Roman Empire into chaos. Maximus is one of the Roman army's most capable and trusted generals."),
  m(361743, "Top Gun: Maverick", 2022, "tt1745960", "Paramount Pictures", 131, ["Action", "Drama"], "PG-13", "/62HCnUTziyWcpDaBO2i1DX17ljH.jpg", "After more than thirty years of service as one of the Navy's top aviators, Pete 'Maverick' Mitchell is where he belongs, pushing the envelope as a courageous test pilot."),
  m(238, "The Godfather", 1972, "tt0068646", "Paramount Pictures", 175, ["Drama", "Crime"], "R", "/3bhkrj58Vtu7enYsRolD1fZdja1.jpg", "Spanning the years 1945 to 1955, a chronicle of the fictional Italian-American Corleone crime family."),
  m(244786, "Whiplash", 2014, "tt2582802", "Blumhouse Productions", 107, ["Drama", "Music"], "R", "/7fn624j5lj3xTme2SgiLCeuedmO.jpg", "Under the direction of a ruthless instructor, a talented young drummer begins to pursue perfection at any cost, even his humanity."),
  m(264660, "Ex Machina", 2015, "tt0470752", "DNA Films", 108, ["Drama", "Science Fiction"], "R", "/dmJW8IAKHKxFNiUnoDR7JfsK7Rp.jpg", "Caleb, a coder at an internet-search giant, wins a competition to spend a week at a private mountain retreat belonging to Nathan, the reclusive CEO of the company."),
  m(146233, "Prisoners", 2013, "tt1392214", "Alcon Entertainment", 153, ["Drama", "Thriller", "Crime"], "R", "/jsS3a3ep2KyBVmmiwaz3LvK49b1.jpg", "Keller Dover faces a parent's worst nightmare when his 6-year-old daughter, Anna, and her friend go missing."),
  m(792307, "Poor Things", 2023, "tt14230458", "Searchlight Pictures", 141, ["Science Fiction", "Romance", "Comedy"], "R", "/kCGlIMHnOm8JPXq3rXM6c5wMxcT.jpg", "Brought back to life by an unorthodox scientist, a young woman runs off with a lawyer on a whirlwind adventure across the continents."),
  m(666277, "Past Lives", 2023, "tt13238346", "A24", 106, ["Drama", "Romance"], "PG-13", "/k3waqVXSnvCZWfJYNtdamTgTtTA.jpg", "Nora and Hae Sung, two deeply connected childhood friends, are wrested apart after Nora's family emigrates from South Korea."),
];

export function movieImages(movie: MovieMeta) {
  return [{ coverType: "poster", remoteUrl: `https://image.tmdb.org/t/p/original${movie.posterPath}` }] as const;
}
