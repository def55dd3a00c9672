// Real series metadata for the Sonarr simulator's library and lookup results (TVDB/IMDb ids, years, networks).
export interface SeriesMeta {
  tvdbId: number;
  title: string;
  year: number;
  network: string;
  status: "continuing" | "ended";
  imdbId: string;
  runtime: number;
  genres: string[];
  certification: string;
  /** Episodes per season, season 1 first. */
  seasons: number[];
  overview: string;
}

const s = (
  tvdbId: number, title: string, year: number, network: string, status: "continuing" | "ended", imdbId: string,
  runtime: number, genres: string[], certification: string, seasons: number[], overview: string,
): SeriesMeta => ({ tvdbId, title, year, network, status, imdbId, runtime, genres, certification, seasons, overview });

export const SERIES: readonly SeriesMeta[] = [
  s(81189, "Breaking Bad", 2008, "AMC", "ended", "tt0903747", 47, ["Crime", "Drama", "Thriller"], "TV-MA", [7, 13, 13, 13, 16], "A high school chemistry teacher diagnosed with terminal lung cancer turns to manufacturing and selling methamphetamine to secure his family's future."),
  s(273181, "Better Call Saul", 2015, "AMC", "ended", "tt3032476", 46, ["Crime", "Drama"], "TV-MA", [10, 10, 10, 10, 10, 13], "The trials and tribulations of criminal lawyer Jimmy McGill in the years leading up to his fateful run-in with Walter White."),
  s(73244, "The Office (US)", 2005, "NBC", "ended", "tt0386676", 22, ["Comedy"], "TV-14", [6, 22, 25, 19, 28, 26, 26, 24, 25], "A mockumentary on a group of typical office workers, where the workday consists of ego clashes, inappropriate behavior and tedium."),
  s(78107, "The Office (UK)", 2001, "BBC Two", "ended", "tt0290978", 30, ["Comedy"], "TV-MA", [6, 6], "The story of an office that faces closure when the company decides to downsize its branches, as seen through a documentary crew."),
  s(121361, "Game of Thrones", 2011, "HBO", "ended", "tt0944947", 57, ["Drama", "Fantasy", "Adventure"], "TV-MA", [10, 10, 10, 10, 10, 10, 7, 6], "Nine noble families wage war against each other in order to gain control over the mythical land of Westeros."),
  s(371572, "House of the Dragon", 2022, "HBO", "continuing", "tt11198330", 60, ["Drama", "Fantasy"], "TV-MA", [10, 8], "The reign of House Targaryen begins with this prequel to Game of Thrones, set 200 years before the events of the original series."),
  s(305288, "Stranger Things", 2016, "Netflix", "continuing", "tt4574334", 60, ["Drama", "Fantasy", "Horror"], "TV-14", [8, 9, 8, 9], "When a young boy vanishes, a small town uncovers a mystery involving secret experiments, terrifying supernatural forces and one strange little girl."),
  s(361753, "The Mandalorian", 2019, "Disney+", "continuing", "tt8111088", 40, ["Action", "Adventure", "Science Fiction"], "TV-14", [8, 8, 8], "After the fall of the Galactic Empire, a lone gunfighter makes his way through the outer reaches of the lawless galaxy."),
  s(393189, "Andor", 2022, "Disney+", "ended", "tt9253284", 50, ["Action", "Drama", "Science Fiction"], "TV-14", [12, 12], "The story of the burgeoning rebellion against the Empire and how people and planets became involved."),
  s(371980, "Severance", 2022, "Apple TV+", "continuing", "tt11280740", 55, ["Drama", "Mystery", "Science Fiction"], "TV-MA", [9, 10], "Mark leads a team of office workers whose memories have been surgically divided between their work and personal lives."),
  s(392256, "The Last of Us", 2023, "HBO", "continuing", "tt3581920", 55, ["Drama", "Action", "Adventure"], "TV-MA", [9, 7], "Twenty years after modern civilization has been destroyed, Joel is hired to smuggle Ellie out of an oppressive quarantine zone."),
  s(333072, "Succession", 2018, "HBO", "ended", "tt7660850", 60, ["Drama"], "TV-MA", [10, 10, 9, 10], "The Roy family is known for controlling the biggest media and entertainment company in the world. However, their world changes when their father steps down."),
  s(79126, "The Wire", 2002, "HBO", "ended", "tt0306414", 59, ["Crime", "Drama"], "TV-MA", [13, 12, 12, 13, 10], "The Baltimore drug scene, seen through the eyes of drug dealers and law enforcement."),
  s(79168, "Friends", 1994, "NBC", "ended", "tt0108778", 22, ["Comedy", "Romance"], "TV-PG", [24, 24, 25, 24, 24, 25, 24, 24, 24, 18], "Follows the personal and professional lives of six twenty to thirty-something-year-old friends living in Manhattan."),
  s(79169, "Seinfeld", 1989, "NBC", "ended", "tt0098904", 22, ["Comedy"], "TV-PG", [5, 12, 23, 24, 22, 24, 24, 22, 24], "The continuing misadventures of neurotic New York City stand-up comedian Jerry Seinfeld and his equally neurotic New York City friends."),
  s(360893, "Chernobyl", 2019, "HBO", "ended", "tt7366338", 65, ["Drama", "History", "Thriller"], "TV-MA", [5], "In April 1986, an explosion at the Chernobyl nuclear power plant in the Union of Soviet Socialist Republics becomes one of the world's worst man-made catastrophes."),
  s(403245, "The Bear", 2022, "FX", "continuing", "tt14452776", 30, ["Comedy", "Drama"], "TV-MA", [8, 10, 10], "A young chef from the fine dining world comes home to Chicago to run his family's sandwich shop."),
  s(383203, "Ted Lasso", 2020, "Apple TV+", "continuing", "tt10986410", 40, ["Comedy", "Drama", "Sport"], "TV-MA", [10, 12, 12], "American college football coach Ted Lasso heads to London to manage AFC Richmond, a struggling English Premier League soccer team."),
  s(269613, "Fargo", 2014, "FX", "continuing", "tt2802850", 53, ["Crime", "Drama", "Thriller"], "TV-MA", [10, 10, 10, 11, 10], "Various chronicles of deception, intrigue and murder in and around frozen Minnesota."),
  s(270633, "True Detective", 2014, "HBO", "continuing", "tt2356777", 60, ["Crime", "Drama", "Mystery"], "TV-MA", [8, 8, 8, 6], "Anthology series in which police investigations unearth the personal and professional secrets of those involved."),
  s(176941, "Sherlock", 2010, "BBC One", "ended", "tt1475582", 88, ["Crime", "Drama", "Mystery"], "TV-14", [3, 3, 3, 3], "A modern update finds the famous sleuth and his doctor partner solving crime in 21st century London."),
  s(280619, "The Expanse", 2015, "Prime Video", "ended", "tt3230854", 45, ["Drama", "Mystery", "Science Fiction"], "TV-14", [10, 13, 13, 10, 10, 6], "In the 24th century, a disparate band of antiheroes unravel a vast conspiracy that threatens the Solar System's fragile state of cold war."),
  s(334824, "Dark", 2017, "Netflix", "ended", "tt5753856", 60, ["Crime", "Drama", "Mystery"], "TV-MA", [10, 8, 8], "A family saga with a supernatural twist, set in a German town where the disappearance of two young children exposes the relationships among four families."),
  s(371028, "Arcane", 2021, "Netflix", "ended", "tt11126994", 40, ["Animation", "Action", "Adventure"], "TV-14", [9, 9], "Set in Utopian Piltover and the oppressed underground of Zaun, the story follows the origins of two iconic League champions."),
  s(355567, "The Boys", 2019, "Prime Video", "continuing", "tt1190634", 60, ["Action", "Comedy", "Crime"], "TV-MA", [8, 8, 8, 8], "A group of vigilantes set out to take down corrupt superheroes who abuse their superpowers."),
  s(84912, "Parks and Recreation", 2009, "NBC", "ended", "tt1266020", 22, ["Comedy"], "TV-PG", [6, 24, 16, 22, 22, 22, 13], "The absurd antics of an Indiana town's public officials as they pursue sundry projects to make their city a better place."),
  s(269586, "Brooklyn Nine-Nine", 2013, "NBC", "ended", "tt2467372", 22, ["Comedy", "Crime"], "TV-14", [22, 23, 23, 22, 22, 18, 13, 10], "Comedy series following the exploits of Det. Jake Peralta and his diverse, lovable colleagues as they police the NYPD's 99th Precinct."),
  s(296762, "Westworld", 2016, "HBO", "ended", "tt0475784", 62, ["Drama", "Mystery", "Science Fiction"], "TV-MA", [10, 10, 8, 8], "Set at the intersection of the near future and the reimagined past, explore a world in which every human appetite can be indulged without consequence."),
  s(78804, "Doctor Who (2005)", 2005, "BBC One", "ended", "tt0436992", 45, ["Adventure", "Drama", "Science Fiction"], "TV-PG", [13, 13, 13, 13, 13, 13, 13, 12, 12, 12, 10, 10, 6], "The Doctor, a Time Lord, travels through time and space in the TARDIS, battling the forces of evil."),
];

/** Image URLs follow TheTVDB's artwork layout; the simulator never fetches them. */
export function seriesImages(tvdbId: number) {
  return [
    { coverType: "banner", remoteUrl: `https://artworks.thetvdb.com/banners/graphical/${tvdbId}-g.jpg` },
    { coverType: "poster", remoteUrl: `https://artworks.thetvdb.com/banners/posters/${tvdbId}-1.jpg` },
    { coverType: "fanart", remoteUrl: `https://artworks.thetvdb.com/banners/fanart/original/${tvdbId}-1.jpg` },
  ] as const;
}
